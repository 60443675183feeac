package org.mitra.referral.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The identity vault's keys and limits ({@code mitra.referral.vault.*}). */
@ConfigMapping(prefix = "mitra.referral.vault")
public interface VaultConfig {
    /**
     * The key-encryption keyset, Tink JSON format (AES-256-GCM keys). From the environment in
     * production; to rotate, add a new primary key and keep the old ones until every data key has
     * been re-wrapped ({@link Vault#rewrap}).
     */
    String keyEncryptionKeyset();

    /** The largest identity accepted, as UTF-8 JSON bytes. */
    @WithDefault("4096")
    int maxIdentityBytes();

    /** How often {@link KeyRotation} re-wraps every live data key with the primary key (a scheduler interval, or {@code off}). */
    @WithDefault("off")
    String rewrapEvery();
}
