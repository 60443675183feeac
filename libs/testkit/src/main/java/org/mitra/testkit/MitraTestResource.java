package org.mitra.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands a service its own database on the shared PostgreSQL server, the shared Kafka broker and
 * the test token key. Init arg {@code database} names the service's database (default
 * {@code mitra}). {@link #stop()} does nothing: the servers live until the test JVM ends.
 */
public class MitraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "mitra";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.createDatabase(database);
        TestInfrastructure.createTopics(PlatformTopics.all());
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        config.put("quarkus.datasource.username", TestInfrastructure.POSTGRES_USER);
        config.put("quarkus.datasource.password", TestInfrastructure.POSTGRES_PASSWORD);
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.putAll(new TokenTrustResource().start());
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of this JVM and stop with it.
    }
}
