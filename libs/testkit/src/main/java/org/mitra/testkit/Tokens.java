package org.mitra.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Real RS256 tokens shaped like Keycloak's for realm {@code mitra}: realm roles under
 * {@code realm_access.roles}, the organization in {@code org}, audience {@code mitra-api}.
 * The services trust {@link TestKeys} in the test profile, so authorization is tested for real.
 */
public final class Tokens {
    public static final String ISSUER = "https://keycloak.mitra.test/realms/mitra";
    public static final String AUDIENCE = "mitra-api";

    private Tokens() {
    }

    public static String caseworker(UUID organization) {
        return as("caseworker").org(organization).sign();
    }

    public static String orgAdmin(UUID organization) {
        return as("org-admin").org(organization).sign();
    }

    public static String coalitionAdmin() {
        return as("coalition-admin").sign();
    }

    public static String govLiaison() {
        return as("gov-liaison").sign();
    }

    /** A partner system's service account; {@code organization} may be null (public reads only). */
    public static String partnerApp(UUID organization) {
        return as("partner-app").org(organization).client("mitra-partner-demo").sign();
    }

    public static Builder as(String... roles) {
        return new Builder(Set.of(roles));
    }

    public static final class Builder {
        private final Set<String> roles;
        private UUID organization;
        private String subject = UUID.randomUUID().toString();
        private String username;
        private String client = "mitra-cli";
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);
        private PrivateKey key;

        private Builder(Set<String> roles) {
            this.roles = roles;
        }

        public Builder org(UUID organization) {
            this.organization = organization;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder client(String client) {
            this.client = client;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Issued {@code age} ago with the usual five-minute life: past five minutes it has expired. */
        public Builder issuedAgo(Duration age) {
            this.issuedAt = Instant.now().minus(age);
            return this;
        }

        public Builder signedBy(PrivateKey key) {
            this.key = key;
            return this;
        }

        public String sign() {
            JwtClaimsBuilder claims = Jwt.claims()
                    .issuer(issuer)
                    .audience(audience)
                    .subject(subject)
                    .issuedAt(issuedAt)
                    .expiresAt(issuedAt.plus(lifetime))
                    .claim("azp", client)
                    .claim("typ", "Bearer")
                    .claim("preferred_username", username != null ? username : "user-" + subject.substring(0, 8))
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)));
            if (organization != null) {
                claims.claim("org", organization.toString());
            }
            return claims.jws().keyId("mitra-test").sign(key != null ? key : TestKeys.privateKey());
        }
    }
}
