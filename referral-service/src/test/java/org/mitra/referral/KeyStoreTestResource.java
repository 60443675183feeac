package org.mitra.referral;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.mitra.testkit.TestInfrastructure;

/** The key store: a second database ({@code referral_keys}) on the shared PostgreSQL server, as in production. */
public class KeyStoreTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DATABASE = "referral_keys";

    @Override
    public Map<String, String> start() {
        TestInfrastructure.createDatabase(DATABASE);
        return Map.of(
                "quarkus.datasource.keystore.jdbc.url", TestInfrastructure.jdbcUrl(DATABASE),
                "quarkus.datasource.keystore.username", TestInfrastructure.POSTGRES_USER,
                "quarkus.datasource.keystore.password", TestInfrastructure.POSTGRES_PASSWORD);
    }

    @Override
    public void stop() {
        // The server is shared by every test class of this JVM and stops with it.
    }
}
