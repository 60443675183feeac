package org.mitra.referral.identity;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Envelope encryption with Google Tink (AEAD, AES-256-GCM): each subject has its own data key,
 * stored only wrapped by the key-encryption keyset from configuration, in the key store
 * ({@link KeyStore}, a database apart from the ciphertexts). Every ciphertext is bound
 * to its table, column and row as associated data, so a copy pasted into another row or column
 * does not decrypt. Destroying a subject's wrapped data key makes all its ciphertexts unreadable.
 */
@ApplicationScoped
public class Vault {
    @Inject
    VaultConfig config;

    private Aead keyEncryption;

    @PostConstruct
    void init() {
        keyEncryption = keyEncryptionAead(config.keyEncryptionKeyset());
    }

    /** Reads a Tink JSON keyset; fails fast at start-up when the configured keyset is unusable. */
    public static Aead keyEncryptionAead(String keysetJson) {
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("mitra.referral.vault.key-encryption-keyset is not a usable Tink AEAD keyset");
        }
    }

    /** A new data key for a subject, wrapped by the key-encryption keyset and bound to the subject. */
    public byte[] newDataKey(UUID subjectId) {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keyEncryption, keyBinding(subjectId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    /** The same data key wrapped by the current primary key-encryption key (after a rotation). */
    public byte[] rewrap(UUID subjectId, byte[] wrappedDataKey) {
        try {
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedDataKey, keyEncryption, keyBinding(subjectId));
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keyEncryption, keyBinding(subjectId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot re-wrap the data key of subject " + subjectId, e);
        }
    }

    /** A secret of the service (the audit chain's key) wrapped by the key-encryption keyset, bound to what it is. */
    public byte[] wrapSecret(byte[] secret, String binding) {
        try {
            return keyEncryption.encrypt(secret, binding.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap " + binding, e);
        }
    }

    public byte[] unwrapSecret(byte[] wrapped, String binding) {
        try {
            return keyEncryption.decrypt(wrapped, binding.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unwrap " + binding + " with the configured key-encryption keyset", e);
        }
    }

    public byte[] encrypt(UUID subjectId, byte[] wrappedDataKey, byte[] plaintext, CipherPlace place) {
        try {
            return dataAead(subjectId, wrappedDataKey).encrypt(plaintext, place.associatedData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt " + place.table() + "." + place.column(), e);
        }
    }

    public byte[] decrypt(UUID subjectId, byte[] wrappedDataKey, byte[] ciphertext, CipherPlace place) throws GeneralSecurityException {
        return dataAead(subjectId, wrappedDataKey).decrypt(ciphertext, place.associatedData());
    }

    private Aead dataAead(UUID subjectId, byte[] wrappedDataKey) throws GeneralSecurityException {
        KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedDataKey, keyEncryption, keyBinding(subjectId));
        return dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    // The binding keeps its historical name: the wrapped keys now live in the key store's data_key table.
    private static byte[] keyBinding(UUID subjectId) {
        return ("subject.data_key." + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    /** Where a ciphertext lives: its associated data, so it decrypts nowhere else. */
    public record CipherPlace(String table, String column, UUID row) {
        byte[] associatedData() {
            return (table + "." + column + "." + row).getBytes(StandardCharsets.UTF_8);
        }
    }
}
