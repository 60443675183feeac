package org.mitra.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens the edge has already verified, so that a caller's next requests skip the signature check (which
 * took about a third of the gateway's CPU per authenticated request). An entry is keyed by the SHA-256 of the whole
 * {@code Authorization} value, never the token itself (it names a person), and holds only the pseudonymous
 * {@link Caller} key; it lasts until the token expires or {@code maxAge} passes, whichever comes first. Only
 * successes are kept: a token that failed, or any changed byte of one, is checked in full again. Tokens bound to a
 * key or certificate ({@code cnf}) are never kept, since their proof belongs to each request.
 */
final class VerifiedTokens {
    private static final String BEARER = "Bearer ";
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(VerifiedTokens::sha256);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final LongSupplier epochMillisClock;

    private record Entry(Caller caller, long validUntilNanos) {
    }

    VerifiedTokens(Duration maxAge, int maxEntries) {
        this(maxAge, maxEntries, System::nanoTime, System::currentTimeMillis);
    }

    VerifiedTokens(Duration maxAge, int maxEntries, LongSupplier nanoClock, LongSupplier epochMillisClock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.epochMillisClock = epochMillisClock;
    }

    /** Whether a request's credentials may be answered from here: a plain bearer token, no DPoP proof beside it. */
    static boolean cacheable(String authorization, String dpopProof) {
        return authorization != null && dpopProof == null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** The caller of a token verified before and still valid, or null. */
    Caller find(String authorization) {
        if (maxAgeNanos <= 0) {
            return null;
        }
        String key = digest(authorization);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nanoClock.getAsLong() - entry.validUntilNanos() >= 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.caller();
    }

    /** Keeps a token Quarkus OIDC has just verified, until its {@code exp} (or {@code maxAge}). */
    void remember(String authorization, SecurityIdentity identity, Caller caller) {
        if (maxAgeNanos <= 0 || caller.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getExpirationTime() <= 0 || token.containsClaim("cnf")) {
            return;
        }
        long untilExpiry = (token.getExpirationTime() * 1000 - epochMillisClock.getAsLong()) * 1_000_000;
        if (untilExpiry <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> now - entry.validUntilNanos() >= 0);
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(digest(authorization), new Entry(caller, now + Math.min(untilExpiry, maxAgeNanos)));
    }

    int size() {
        return entries.size();
    }

    private static String digest(String authorization) {
        MessageDigest sha256 = SHA_256.get();
        return HexFormat.of().formatHex(sha256.digest(authorization.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }
}
