package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The referral service's key-encryption keyset for this installation: made once, kept beside the
 * database under the runtime directory, since identities stored with it are unreadable without it.
 * Tink's JSON keyset format for one AES-256-GCM key.
 */
final class VaultKeyset {
    static final String VARIABLE = "MITRA_REFERRAL_KEK_KEYSET";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultKeyset() {
    }

    static String forInstallation(PlatformSettings settings) {
        Path file = settings.runtime().resolve("secrets").resolve("referral-kek-keyset.json");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            String keyset = generate();
            Files.writeString(file, keyset);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return keyset;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the referral vault keyset at " + file, e);
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
