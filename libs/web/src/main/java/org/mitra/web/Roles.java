package org.mitra.web;

import java.util.Set;

/** The realm roles of Keycloak realm {@code mitra}, as every Mitra service names them. */
public final class Roles {
    public static final String CASEWORKER = "caseworker";
    public static final String ORG_ADMIN = "org-admin";
    public static final String PARTNER_APP = "partner-app";
    public static final String COALITION_ADMIN = "coalition-admin";
    public static final String GOV_LIAISON = "gov-liaison";

    /**
     * The roles that make a token with an {@code org} claim the staff of that organization: its
     * caseworkers, its admins and its partner systems. An {@code org} claim with none of these (a
     * liaison's, a coalition admin's, a mistake in the realm) makes nobody staff.
     */
    public static final Set<String> STAFF = Set.of(CASEWORKER, ORG_ADMIN, PARTNER_APP);

    private Roles() {
    }
}
