package org.mitra.systemtests;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mitra.local.DemoOrganization;

/**
 * Someone calling the API: a demo user of the realm, a partner system's service account, or nobody. {@code role} is
 * the realm role the caller holds (docs/roles.md §2), {@code anonymous} for no token.
 */
public record Caller(String name, String role, Optional<DemoOrganization> organization) {
    public static final String ANONYMOUS_ROLE = "anonymous";

    public static final Caller ANONYMOUS = new Caller("anonymous", ANONYMOUS_ROLE, Optional.empty());
    public static final Caller COALITION_ADMIN = new Caller("coalition-admin", "coalition-admin", Optional.empty());
    public static final Caller GOV_LIAISON = new Caller("gov-liaison", "gov-liaison", Optional.empty());
    /** Service account of client mitra-partner-demo: role partner-app, org pondok-gerasa. */
    public static final Caller PARTNER_APP = new Caller("mitra-partner-demo", "partner-app", Optional.of(DemoOrganization.PONDOK_GERASA));
    /** Service account of client mitra-feeds-demo: role gov-liaison, no org. */
    public static final Caller FEEDS_APP = new Caller("mitra-feeds-demo", "gov-liaison", Optional.empty());

    public static Caller orgAdmin(DemoOrganization organization) {
        return new Caller(organization.admin(), "org-admin", Optional.of(organization));
    }

    public static Caller caseworker(DemoOrganization organization) {
        return new Caller(organization.caseworker(), "caseworker", Optional.of(organization));
    }

    /** Every kind of caller the platform knows, with every demo organization's staff. */
    public static List<Caller> all() {
        List<Caller> all = new java.util.ArrayList<>(List.of(ANONYMOUS, COALITION_ADMIN, GOV_LIAISON, PARTNER_APP, FEEDS_APP));
        for (DemoOrganization organization : DemoOrganization.values()) {
            all.add(orgAdmin(organization));
            all.add(caseworker(organization));
        }
        return all;
    }

    public boolean isAnonymous() {
        return role.equals(ANONYMOUS_ROLE);
    }

    public Optional<UUID> organizationId() {
        return organization.map(DemoOrganization::id);
    }

    /** The Authorization header value, empty for the anonymous caller. */
    public Optional<String> authorization(KeycloakTokens tokens) {
        if (isAnonymous()) {
            return Optional.empty();
        }
        String token = switch (name) {
            case "mitra-partner-demo", "mitra-feeds-demo" -> tokens.client(name, tokens.clientSecret(name));
            default -> tokens.user(name);
        };
        return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
        return name;
    }
}
