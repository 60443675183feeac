package org.mitra.awareness.pledge;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "mitra.awareness.pledge")
public interface PledgeConfig {
    /** Secret key of the hash that counts an email once per campaign without keeping the email. */
    String emailHashKey();
}
