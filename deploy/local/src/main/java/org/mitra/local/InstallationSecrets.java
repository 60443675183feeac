package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of a local installation, made once and kept beside the data under the runtime
 * directory (secrets/, owner-only): the referral vault's key-encryption keyset (Tink JSON, one AES-256-GCM key;
 * identities stored with it are unreadable without it), the awareness service's email hash key, the key that
 * fingerprints Idempotency-Key requests, the PostgreSQL superuser's and the database users' password, the password of
 * each role that owns a service's database and of the key store's runtime role (each its own), Keycloak's
 * master-realm admin password and the secret of each confidential client of the {@code mitra} realm. Nothing of
 * these is a fixed string anyone could read in the repository.
 */
final class InstallationSecrets {
    static final String REFERRAL_KEYSET = "MITRA_REFERRAL_KEK_KEYSET";
    static final String AWARENESS_EMAIL_HASH_KEY = "MITRA_AWARENESS_EMAIL_HASH_KEY";
    static final String IDEMPOTENCY_FINGERPRINT_KEY = "MITRA_IDEMPOTENCY_FINGERPRINT_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Secrets made by this process, per secrets folder: the start-up summary prints these once. */
    private static final java.util.Map<Path, java.util.Set<String>> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    private InstallationSecrets() {
    }

    static String forInstallation(PlatformSettings settings) {
        return kept(settings, "referral-kek-keyset.json", InstallationSecrets::generate);
    }

    /** The awareness service's key for hashing pledgers' emails (dedupe without keeping the address). */
    static String emailHashKey(PlatformSettings settings) {
        return kept(settings, "awareness-email-hash-key", InstallationSecrets::randomKey);
    }

    /** The key with which libs/web HMACs Idempotency-Key request fingerprints, so replays survive restarts. */
    static String idempotencyFingerprintKey(PlatformSettings settings) {
        return kept(settings, "idempotency-fingerprint-key", InstallationSecrets::randomKey);
    }

    static String postgresSuperuserPassword(PlatformSettings settings) {
        return kept(settings, "postgres-superuser-password", InstallationSecrets::password);
    }

    static String databasePassword(PlatformSettings settings) {
        return kept(settings, "database-password", InstallationSecrets::password);
    }

    /**
     * The password of a database role that has one of its own, never MITRA_DB_PASSWORD: a role that owns a service's
     * database and runs its migrations (referral_owner, referral_keys) or the key store's runtime role
     * (referral_keys_runtime).
     */
    static String rolePassword(PlatformSettings settings, String role) {
        return kept(settings, "database-" + plain(role) + "-password", InstallationSecrets::password);
    }

    static String keycloakAdminPassword(PlatformSettings settings) {
        return kept(settings, "keycloak-admin-password", InstallationSecrets::password);
    }

    static String clientSecret(PlatformSettings settings, String clientId) {
        return kept(settings, "keycloak-client-" + plain(clientId) + "-secret", InstallationSecrets::password);
    }

    /** The secrets this process made in the installation (file names), so the summary prints them once only. */
    static java.util.Set<String> madeNow(PlatformSettings settings) {
        return java.util.Set.copyOf(MADE.getOrDefault(settings.secrets(), java.util.Set.of()));
    }

    private static String plain(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("Not a plain name for a secret: " + name);
        }
        return name;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** 32 random bytes, URL-safe base64 without padding: nothing to quote in a URL, form, SQL or JSON. */
    private static String password() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A secret made on the first start and kept under the runtime directory, readable by the owner only. */
    private static synchronized String kept(PlatformSettings settings, String name, java.util.function.Supplier<String> generator) {
        Path folder = settings.secrets();
        Path file = folder.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            String secret = generator.get();
            // Created owner-only, so the secret is never readable by others, not even for a moment.
            Path partial = folder.resolve(name + ".new");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, secret);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            MADE.computeIfAbsent(folder, each -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(name);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secret " + file, e);
        }
    }

    static String generate() {
        byte[] key = new byte[34];
        // An AesGcmKey protobuf: field 3 (key_value), length 32, then the key bytes.
        key[0] = 0x1A;
        key[1] = 0x20;
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        System.arraycopy(material, 0, key, 2, 32);
        int keyId = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
        return "{\"primaryKeyId\":" + keyId + ",\"key\":[{\"keyData\":{\"typeUrl\":\"type.googleapis.com/google.crypto.tink.AesGcmKey\","
                + "\"value\":\"" + Base64.getEncoder().encodeToString(key) + "\",\"keyMaterialType\":\"SYMMETRIC\"},"
                + "\"status\":\"ENABLED\",\"keyId\":" + keyId + ",\"outputPrefixType\":\"TINK\"}]}";
    }
}
