package org.mitra.referral;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.mitra.testkit.TestInfrastructure;

/**
 * The key store: a second database ({@code referral_keys}) on the shared PostgreSQL server, with the roles of an
 * installation: Flyway migrates it as its owner {@code referral_keys} ({@code quarkus.flyway.keystore.username}), the
 * service signs in as {@code referral_keys_runtime}, which owns nothing and has only what
 * {@code R__key_store_runtime_role.sql} grants it. Tests that do what the service may not (a restored backup) use
 * {@code TestInfrastructure.ownerConnection(KeyStoreTestResource.DATABASE)}.
 */
public class KeyStoreTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DATABASE = "referral_keys";
    public static final String OWNER = "referral_keys";
    public static final String RUNTIME_ROLE = "referral_keys_runtime";

    @Override
    public Map<String, String> start() {
        TestInfrastructure.createDatabaseWithRoles(DATABASE, OWNER, RUNTIME_ROLE);
        return Map.of(
                "quarkus.datasource.keystore.jdbc.url", TestInfrastructure.jdbcUrl(DATABASE),
                "quarkus.datasource.keystore.username", RUNTIME_ROLE,
                "quarkus.datasource.keystore.password", TestInfrastructure.password(RUNTIME_ROLE),
                "quarkus.flyway.keystore.username", OWNER,
                "quarkus.flyway.keystore.password", TestInfrastructure.password(OWNER));
    }

    @Override
    public void stop() {
        // The server is shared by every test class of this JVM and stops with it.
    }
}
