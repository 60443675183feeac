package org.mitra.referral;

/** Realm roles (DESIGN section 4) as the referral service uses them. */
public final class Roles {
    public static final String CASEWORKER = "caseworker";
    public static final String ORG_ADMIN = "org-admin";
    public static final String PARTNER_APP = "partner-app";
    public static final String COALITION_ADMIN = "coalition-admin";
    public static final String GOV_LIAISON = "gov-liaison";

    private Roles() {
    }
}
