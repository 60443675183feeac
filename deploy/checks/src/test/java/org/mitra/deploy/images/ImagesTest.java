package org.mitra.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mitra.deploy.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: each service's container image, as its module's build made it with Jib (offline on a scratch base) and
 * deploy/images/save-image kept it in {@code <module>/target/images/<name>.tar}.
 */
class ImagesTest {
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    static final List<String> JVM_FLAGS = List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-Xss512k");

    static Stream<String> services() {
        return Stream.of("directory-service", "referral-service", "awareness-service", "gateway");
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsTheServiceAsANonRootUserOnItsPortWithTheContainersJvmFlags(String module) throws IOException {
        ImageTarball image = image(module);
        JsonNode config = image.config().path("config");

        assertThat(image.manifest().path("RepoTags").get(0).asText()).isEqualTo("mitra/" + module + ":" + Repository.projectVersion());
        String user = config.path("User").asText();
        assertThat(user).as("the image's user").matches("[1-9][0-9]*");
        assertThat(config.path("ExposedPorts").has(property(module, "quarkus.http.port") + "/tcp"))
                .as("exposes %s of application.properties: %s", "quarkus.http.port", config.path("ExposedPorts")).isTrue();
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(argument -> entrypoint.add(argument.asText()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).containsSubsequence(JVM_FLAGS).endsWith("-jar", "quarkus-run.jar");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/home/jboss");
    }

    @ParameterizedTest
    @MethodSource("services")
    void holdsTheQuarkusApplication(String module) throws IOException {
        ImageTarball image = image(module);

        assertThat(image.file("home/jboss/quarkus-run.jar")).isNotEmpty();
        assertThat(image.file("home/jboss/quarkus/quarkus-application.dat")).isNotEmpty();
        assertThat(image.file("home/jboss/app/" + module + "-" + Repository.projectVersion() + ".jar")).isNotEmpty();
        byte[] properties = jarEntry(image.file("home/jboss/app/" + module + "-" + Repository.projectVersion() + ".jar"), "application.properties");
        assertThat(new String(properties, StandardCharsets.UTF_8)).contains("quarkus.http.port=" + property(module, "quarkus.http.port"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void noLayerHoldsASecret(String module) throws IOException {
        assertThat(SecretScan.scan(image(module))).isEmpty();
    }

    /** The scan finds what it looks for: a planted private key, keyset and written-out password are reported. */
    @Test
    void theScanFindsPlantedSecrets() throws IOException {
        ImageTarball image = readTarball("awareness-service");
        image.layers().values().iterator().next().put("home/jboss/config/tls.txt",
                "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n".getBytes(StandardCharsets.UTF_8));
        image.layers().values().iterator().next().put("home/jboss/.env", "A=b".getBytes(StandardCharsets.UTF_8));
        List<SecretScan.Finding> findings = new ArrayList<>(SecretScan.scan(image));
        SecretScan.properties("planted", """
                mitra.referral.vault.key-encryption-keyset={"key":[{"keyData":{"value":"GiC+jyOPb3h2PsuHWYi2jwwqAKv8DpSY"}}]}
                %test.mitra.awareness.pledge.email-hash-key=written-out
                %dev.quarkus.datasource.password=mitra-dev
                quarkus.datasource.password=${QUARKUS_DATASOURCE_PASSWORD}
                quarkus.datasource.username=referral
                """.getBytes(StandardCharsets.UTF_8), findings);

        assertThat(findings).extracting(SecretScan.Finding::toString).anyMatch(text -> text.endsWith("tls.txt: holds a private key"))
                .anyMatch(text -> text.endsWith("/.env: a file of a kind that holds keys or secrets"))
                .anyMatch(text -> text.contains("key-encryption-keyset is written out"))
                .anyMatch(text -> text.contains("%test.mitra.awareness.pledge.email-hash-key is written out"))
                .noneMatch(text -> text.contains("quarkus.datasource.password") || text.contains("username"))
                .hasSize(4);
    }

    private static final java.util.Map<String, ImageTarball> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each image is read once (about 75 MB); the tests only look. */
    static ImageTarball image(String module) throws IOException {
        ImageTarball read = READ.get(module);
        if (read == null) {
            read = READ.computeIfAbsent(module, ImagesTest::readImage);
        }
        return read;
    }

    private static ImageTarball readImage(String module) {
        try {
            return readTarball(module);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ImageTarball readTarball(String module) throws IOException {
        Path tarball = REPOSITORY.resolve(module).resolve("target/images").resolve(module + ".tar");
        assertThat(tarball).as("the image %s's build makes (./mvnw verify; -Dquarkus.container-image.build=false skips it)",
                module).isRegularFile();
        return ImageTarball.read(tarball);
    }

    static String property(String module, String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(REPOSITORY.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty(key);
    }

    private static byte[] jarEntry(byte[] jar, String name) throws IOException {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(jar))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IOException("no " + name);
    }
}
