package org.mitra.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
    private final VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 2, nanos::get, millis::get);

    @Test
    void keptUntilTheTokenExpiresNeverLonger() {
        Caller caller = new Caller("sub:a");
        tokens.remember("Bearer a", identity(Map.of("sub", "a", "exp", seconds(30))), caller);
        assertThat(tokens.find("Bearer a")).isEqualTo(caller);
        assertThat(tokens.find("Bearer b")).isNull();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(tokens.find("Bearer a")).as("expired").isNull();
    }

    @Test
    void keptAtMostMaxAgeEvenWhenTheTokenLivesLonger() {
        tokens.remember("Bearer a", identity(Map.of("sub", "a", "exp", seconds(3600))), new Caller("sub:a"));
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(tokens.find("Bearer a")).isNull();
    }

    @Test
    void boundTokensExpiredTokensAndAnonymousCallersAreNeverKept() {
        tokens.remember("Bearer c", identity(Map.of("sub", "c", "exp", seconds(30), "cnf", Map.of("jkt", "x"))),
                new Caller("sub:c"));
        tokens.remember("Bearer e", identity(Map.of("sub", "e", "exp", seconds(0))), new Caller("sub:e"));
        tokens.remember("Bearer n", identity(Map.of("sub", "n", "exp", seconds(30))), Caller.ANONYMOUS);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void fullMeansCheckedInFullNotForgotten() {
        tokens.remember("Bearer a", identity(Map.of("sub", "a", "exp", seconds(30))), new Caller("sub:a"));
        tokens.remember("Bearer b", identity(Map.of("sub", "b", "exp", seconds(90))), new Caller("sub:b"));
        tokens.remember("Bearer c", identity(Map.of("sub", "c", "exp", seconds(90))), new Caller("sub:c"));
        assertThat(tokens.find("Bearer c")).isNull();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        tokens.remember("Bearer c", identity(Map.of("sub", "c", "exp", seconds(90))), new Caller("sub:c"));
        assertThat(tokens.find("Bearer c")).as("an expired entry made room").isEqualTo(new Caller("sub:c"));
    }

    @Test
    void onlyPlainBearerTokensWithoutAProofAreCacheable() {
        assertThat(VerifiedTokens.cacheable("Bearer x", null)).isTrue();
        assertThat(VerifiedTokens.cacheable("bearer x", null)).isTrue();
        assertThat(VerifiedTokens.cacheable("DPoP x", "proof")).isFalse();
        assertThat(VerifiedTokens.cacheable("Bearer x", "proof")).isFalse();
        assertThat(VerifiedTokens.cacheable("Basic eDp5", null)).isFalse();
    }

    private long seconds(long fromNow) {
        return millis.get() / 1000 + fromNow;
    }

    private static QuarkusSecurityIdentity identity(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return (String) all.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) all.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(token).build();
    }
}
