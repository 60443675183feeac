package org.mitra.awareness;

/** The realm roles this service distinguishes (DESIGN §4). */
public final class Roles {
    public static final String COALITION_ADMIN = "coalition-admin";
    public static final String ORG_ADMIN = "org-admin";
    public static final String GOV_LIAISON = "gov-liaison";

    private Roles() {
    }
}
