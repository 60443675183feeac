package org.mitra.awareness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tokens handed once to people without an account (pledgers, registrants) so they can manage what
 * they gave us; only a hash of each is stored.
 */
public final class SecretTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Stands in for a stored hash when there is none; no SHA-256 hex digest is all dashes. */
    private static final String NO_HASH = "-".repeat(64);

    private SecretTokens() {
    }

    /** A fresh 256-bit token, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Tokens are random and long, so a plain SHA-256 is enough to store them safely. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compares in constant time, so the answer's timing says nothing about the stored hash. Without a
     * stored hash (no such object) the token is still hashed and compared, so an unknown id takes as long
     * as a known one with a wrong token.
     */
    public static boolean matches(String token, String storedHash) {
        byte[] presented = hash(token == null ? "" : token).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = (storedHash == null ? NO_HASH : storedHash).getBytes(StandardCharsets.US_ASCII);
        boolean equal = MessageDigest.isEqual(presented, stored);
        return equal && token != null && storedHash != null;
    }
}
