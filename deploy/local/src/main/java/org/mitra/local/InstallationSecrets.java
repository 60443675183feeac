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
 * directory: the referral vault's key-encryption keyset (Tink JSON, one AES-256-GCM key; identities
 * stored with it are unreadable without it) and the awareness service's email hash key.
 */
final class InstallationSecrets {
    static final String REFERRAL_KEYSET = "MITRA_REFERRAL_KEK_KEYSET";
    static final String AWARENESS_EMAIL_HASH_KEY = "MITRA_AWARENESS_EMAIL_HASH_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallationSecrets() {
    }

    static String forInstallation(PlatformSettings settings) {
        return kept(settings, "referral-kek-keyset.json", InstallationSecrets::generate);
    }

    /** The awareness service's key for hashing pledgers' emails (dedupe without keeping the address). */
    static String emailHashKey(PlatformSettings settings) {
        return kept(settings, "awareness-email-hash-key", () -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    /** A secret made on the first start and kept under the runtime directory, readable by the owner only. */
    private static String kept(PlatformSettings settings, String name, java.util.function.Supplier<String> generator) {
        Path file = settings.runtime().resolve("secrets").resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            String secret = generator.get();
            Files.writeString(file, secret);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
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
