package org.mitra.gateway.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Counts, per token subject, how often Quarkus OIDC built an identity from a verified token: once per full
 * verification. Changes nothing.
 */
@ApplicationScoped
public class TokenVerifications implements SecurityIdentityAugmentor {
    private final Map<String, AtomicInteger> bySubject = new ConcurrentHashMap<>();

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            bySubject.computeIfAbsent(token.getSubject(), ignored -> new AtomicInteger()).incrementAndGet();
        }
        return Uni.createFrom().item(identity);
    }

    public int of(String subject) {
        AtomicInteger count = bySubject.get(subject);
        return count == null ? 0 : count.get();
    }
}
