package org.mitra.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands a service its own database on the shared PostgreSQL server, the shared Kafka broker and
 * the test token key. Init arg {@code database} names the service's database (default
 * {@code mitra}). By default the service signs in as the superuser; init arg {@code split-roles=true} gives it
 * the roles of a production installation instead ({@link TestInfrastructure#createDatabaseWithRoles}): Flyway
 * migrates as the database's owner ({@code quarkus.flyway.username}) and the service runs as a role of its own that
 * owns nothing ({@code quarkus.datasource.username}); tests reach the owner through
 * {@link TestInfrastructure#ownerConnection}. {@link #stop()} does nothing: the servers live until the test JVM ends.
 */
public class MitraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "mitra";
    private boolean splitRoles;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        splitRoles = Boolean.parseBoolean(initArgs.getOrDefault("split-roles", "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (splitRoles) {
            TestInfrastructure.createDatabaseWithRoles(database);
            String owner = TestInfrastructure.ownerRole(database);
            String service = TestInfrastructure.serviceRole(database);
            config.put("quarkus.flyway.username", owner);
            config.put("quarkus.flyway.password", TestInfrastructure.password(owner));
            config.put("quarkus.datasource.username", service);
            config.put("quarkus.datasource.password", TestInfrastructure.password(service));
        } else {
            TestInfrastructure.createDatabase(database);
            config.put("quarkus.datasource.username", TestInfrastructure.POSTGRES_USER);
            config.put("quarkus.datasource.password", TestInfrastructure.POSTGRES_PASSWORD);
        }
        TestInfrastructure.createTopics(PlatformTopics.all());
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.putAll(new TokenTrustResource().start());
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of this JVM and stop with it.
    }
}
