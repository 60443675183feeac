package org.mitra.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What a service reads, from the sources: its application.properties over the shared libraries' defaults (libs/web,
 * libs/outbox for the three services; the gateway uses neither), and the variables the local run's launcher
 * (deploy/local ServiceProcess.environment) passes. The manifests must use nothing else.
 */
record ServiceConfig(String module, Map<String, String> properties, Set<String> launcherVariables) {

    static final List<String> MODULES = List.of("gateway", "directory-service", "referral-service", "awareness-service");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    /**
     * Quarkus switches the manifests set that no properties file names: {@code QUARKUS_INIT_AND_EXIT} (runtime property
     * quarkus.init-and-exit of quarkus-core: run the init tasks, Flyway's migrations, and exit), used only by
     * referral-service's migration init container, as Quarkus' own Kubernetes init tasks do.
     */
    static final Set<String> QUARKUS_SWITCHES = Set.of("QUARKUS_INIT_AND_EXIT");

    static ServiceConfig of(String module) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!module.equals("gateway")) {
            properties.putAll(load(Repository.ROOT.resolve("libs/outbox/src/main/resources/META-INF/microprofile-config.properties")));
            properties.putAll(load(Repository.ROOT.resolve("libs/web/src/main/resources/META-INF/microprofile-config.properties")));
        }
        properties.putAll(load(Repository.ROOT.resolve(module).resolve("src/main/resources/application.properties")));
        properties.keySet().removeIf(k -> k.startsWith("%"));
        return new ServiceConfig(module, properties, readLauncherVariables());
    }

    int httpPort() {
        return Integer.parseInt(properties.get("quarkus.http.port"));
    }

    int managementPort() {
        return Integer.parseInt(properties.getOrDefault("quarkus.management.port", "9000"));
    }

    boolean healthOnManagementPort() {
        return Boolean.parseBoolean(properties.getOrDefault("quarkus.smallrye-health.management.enabled", "true"))
                && Boolean.parseBoolean(properties.getOrDefault("quarkus.management.enabled", "false"));
    }

    /** SmallRye Health's base path on the main port: /{non-application root}/{health root}. */
    String healthPath() {
        String root = properties.getOrDefault("quarkus.http.non-application-root-path", "q").replaceAll("^/|/$", "");
        String health = properties.getOrDefault("quarkus.smallrye-health.root-path", "health").replaceAll("^/|/$", "");
        return "/" + root + "/" + health;
    }

    /**
     * Every environment variable name this service reads: the launcher's, the environment form of every property its
     * configuration sets, the variables those refer to, and the properties and variables its README tells an operator
     * to set (e.g. the gateway's quarkus.http.proxy.* behind a load balancer), and for a Kafka client the environment
     * form of every Kafka client setting.
     */
    Set<String> variables() {
        Set<String> names = new TreeSet<>(launcherVariables);
        Matcher documented = Pattern.compile("`((?:quarkus|mitra)\\.[a-z0-9.-]+)(?:=[^`]*)?`|`((?:QUARKUS|MITRA)_[A-Z0-9_]+)`")
                .matcher(Repository.read(Repository.ROOT.resolve(module).resolve("README.md")));
        while (documented.find()) {
            names.add(documented.group(1) != null ? environmentName(documented.group(1)) : documented.group(2));
        }
        if (properties.containsKey("kafka.bootstrap.servers")) {
            // Quarkus hands every KAFKA_* variable to the service's Kafka clients as the kafka.* setting of that name
            // (quarkus-kafka-client's KafkaRuntimeConfigProducer), so each Kafka client setting is one it reads.
            Set<String> kafka = new TreeSet<>(ProducerConfig.configNames());
            kafka.addAll(ConsumerConfig.configNames());
            kafka.addAll(AdminClientConfig.configNames());
            kafka.forEach(setting -> names.add(environmentName("kafka." + setting)));
        }
        for (Map.Entry<String, String> e : properties.entrySet()) {
            names.add(environmentName(e.getKey()));
            Matcher m = REFERENCE.matcher(e.getValue());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The variables a value refers to without a default: the service does not start without them. */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>();
        for (String value : properties.values()) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                if (m.group(2) == null) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** MicroProfile Config's environment name of a property: every other character to _, upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    boolean hasHealthExtension() {
        return Repository.read(Repository.ROOT.resolve(module).resolve("pom.xml")).contains("<artifactId>quarkus-smallrye-health</artifactId>");
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /**
     * The names ServiceProcess.environment puts: literal {@code env.put("NAME", ...)}, InstallationSecrets' constants,
     * and the gateway's {@code PlatformService.urlVariable()} (MITRA_&lt;SERVICE&gt;_URL) of every routed service.
     */
    static Set<String> readLauncherVariables() {
        Path local = Repository.ROOT.resolve("deploy/local/src/main/java/org/mitra/local");
        String process = Repository.read(local.resolve("ServiceProcess.java"));
        String secrets = Repository.read(local.resolve("InstallationSecrets.java"));
        String services = Repository.read(local.resolve("PlatformService.java"));
        Set<String> names = new TreeSet<>();
        Matcher literal = Pattern.compile("env\\.put\\(\"([A-Z0-9_]+)\"").matcher(process);
        while (literal.find()) {
            names.add(literal.group(1));
        }
        Matcher constant = Pattern.compile("env\\.put\\(InstallationSecrets\\.([A-Z_]+)").matcher(process);
        while (constant.find()) {
            Matcher value = Pattern.compile("static final String " + constant.group(1) + " = \"([A-Z0-9_]+)\"").matcher(secrets);
            if (!value.find()) {
                throw new IllegalStateException("InstallationSecrets." + constant.group(1) + " not found");
            }
            names.add(value.group(1));
        }
        if (process.contains("routed.urlVariable()")) {
            if (!services.contains("return \"MITRA_\" + name() + \"_URL\";")) {
                throw new IllegalStateException("PlatformService.urlVariable() changed: update ServiceConfig");
            }
            Matcher service = Pattern.compile("^\\s+([A-Z]+)\\(\"[a-z-]+\"", Pattern.MULTILINE).matcher(services);
            while (service.find()) {
                if (!service.group(1).equals("GATEWAY")) {
                    names.add("MITRA_" + service.group(1) + "_URL");
                }
            }
        }
        if (names.size() < 15) {
            throw new IllegalStateException("ServiceProcess.environment no longer looks as expected: " + names);
        }
        return names;
    }
}
