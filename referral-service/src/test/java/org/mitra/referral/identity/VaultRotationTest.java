package org.mitra.referral.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Key-encryption keyset rotation, without Quarkus: a new primary wraps new keys, old wrapped keys still open. */
class VaultRotationTest {
    private static Vault vaultWith(String keyset) {
        Vault vault = new Vault();
        vault.config = new VaultConfig() {
            @Override
            public String keyEncryptionKeyset() {
                return keyset;
            }

            @Override
            public int maxIdentityBytes() {
                return 2048;
            }

            @Override
            public String rewrapEvery() {
                return "off";
            }
        };
        vault.init();
        return vault;
    }

    @Test
    void afterRotationOldDataKeysStillOpenAndRewrappingLetsTheOldKeyGo() throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeysetHandle rotated = KeysetHandle.newBuilder(first)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build();
        int oldKeyId = first.getPrimary().getId();
        KeysetHandle onlyNew = KeysetHandle.newBuilder(rotated).deleteAt(indexOf(rotated, oldKeyId)).build();

        Vault before = vaultWith(TinkJsonProtoKeysetFormat.serializeKeyset(first, InsecureSecretKeyAccess.get()));
        Vault during = vaultWith(TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));
        Vault after = vaultWith(TinkJsonProtoKeysetFormat.serializeKeyset(onlyNew, InsecureSecretKeyAccess.get()));

        UUID subject = UUID.randomUUID();
        Vault.CipherPlace place = new Vault.CipherPlace("subject", "identity_ciphertext", subject);
        byte[] dataKey = before.newDataKey(subject);
        byte[] ciphertext = before.encrypt(subject, dataKey, "identity".getBytes(StandardCharsets.UTF_8), place);

        assertThat(new String(during.decrypt(subject, dataKey, ciphertext, place), StandardCharsets.UTF_8)).isEqualTo("identity");
        assertThatThrownBy(() -> after.decrypt(subject, dataKey, ciphertext, place)).isInstanceOf(GeneralSecurityException.class);
        byte[] rewrapped = during.rewrap(subject, dataKey);
        assertThat(new String(after.decrypt(subject, rewrapped, ciphertext, place), StandardCharsets.UTF_8)).isEqualTo("identity");
        assertThat(KeyStatus.ENABLED).isEqualTo(rotated.getAt(0).getStatus());
    }

    private static int indexOf(KeysetHandle keyset, int keyId) {
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getId() == keyId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no key " + keyId);
    }

    @Test
    void anUnusableKeysetStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> vaultWith("not a keyset")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key-encryption-keyset");
    }
}
