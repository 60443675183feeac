package org.mitra.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, in the coalition's terms: roles, and the organization the token's {@code org}
 * claim names. Authorization that depends on data asks this bean, next to the load.
 */
@RequestScoped
public class Caller {
    public static final String ORG_CLAIM = "org";

    @Inject
    SecurityIdentity identity;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The organization the caller acts for, if the token names one that is a well-formed id. */
    public Optional<UUID> organization() {
        if (isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object org = token.getClaim(ORG_CLAIM);
        if (org == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(org.toString().replace("\"", "")));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The token's user name (Keycloak's {@code preferred_username}), or its subject. */
    public String username() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("preferred_username") != null) {
            return token.getClaim("preferred_username").toString().replace("\"", "");
        }
        return subject();
    }
}
