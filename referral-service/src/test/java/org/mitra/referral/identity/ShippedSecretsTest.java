package org.mitra.referral.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The identity vault's key-encryption keyset never ships with the code (a keyset in the repository opens every identity
 * stored with it), for no profile at all: every profile takes it from MITRA_REFERRAL_KEK_KEYSET, and the tests' own
 * keyset lives in src/test/resources/META-INF/microprofile-config.properties, which no jar or image carries (issue 15).
 */
class ShippedSecretsTest {
    private static final String KEYSET = "mitra.referral.vault.key-encryption-keyset";

    @Test
    void noKeysetShipsForAnyProfile() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = ShippedSecretsTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        assertThat(shipped.getProperty(KEYSET)).isEqualTo("${MITRA_REFERRAL_KEK_KEYSET}");
        assertThat(shipped.stringPropertyNames()).filteredOn(name -> name.endsWith(KEYSET))
                .containsExactly(KEYSET);
    }
}
