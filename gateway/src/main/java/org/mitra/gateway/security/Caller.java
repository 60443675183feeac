package org.mitra.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as far as the edge cares: the token's {@code sub} (or {@code azp} for a token without one),
 * or nobody. The key feeds rate limiting and the access log; it is a pseudonymous id, never a name.
 */
public record Caller(String key) {
    public static final Caller ANONYMOUS = new Caller(null);

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            if (token.getSubject() != null) {
                return new Caller("sub:" + token.getSubject());
            }
            Object azp = token.getClaim("azp");
            if (azp != null) {
                return new Caller("azp:" + azp);
            }
        }
        return new Caller("user:" + identity.getPrincipal().getName());
    }

    public boolean isAnonymous() {
        return key == null;
    }

    public String describe() {
        return isAnonymous() ? "anonymous" : key;
    }
}
