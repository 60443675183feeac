package org.mitra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's own distribution in development mode with the {@code mitra} realm imported. Maven puts the
 * distribution zip under deploy/local/target/keycloak; it is unpacked once under the runtime directory.
 */
final class KeycloakServer implements Stoppable {
    static final String REALM = "mitra";
    static final String REALM_FILE = "deploy/keycloak/mitra-realm.json";

    private final ChildProcess process;
    private final String healthUrl;

    private KeycloakServer(ChildProcess process, String healthUrl) {
        this.process = process;
        this.healthUrl = healthUrl;
    }

    static KeycloakServer start(PlatformSettings settings) {
        String version = version();
        Path home = settings.runtime().resolve("keycloak").resolve("keycloak-" + version);
        // A first start stopped during Keycloak's build step leaves no application model behind: unpack again.
        if (!Files.isRegularFile(home.resolve("lib/quarkus/quarkus-application.dat"))) {
            unpack(distribution(settings, version), home);
        }
        importRealm(settings, home.resolve("data"));
        Path tmp = Directories.create(settings.temporaryDirectory("keycloak"));
        Map<String, String> environment = Map.of(
                "JAVA_HOME", JavaRuntime.home(),
                "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + tmp,
                "KC_BOOTSTRAP_ADMIN_USERNAME", settings.keycloakAdminUser(),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", settings.keycloakAdminPassword());
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                // MITRA_HOST only; the management interface (health) inherits the host.
                "--http-host=" + settings.host(),
                "--http-port=" + settings.keycloakPort(),
                "--http-management-port=" + settings.keycloakManagementPort(),
                // One issuer however Keycloak is reached (localhost or 127.0.0.1), the one the services expect.
                "--hostname=" + settings.keycloakUrl(),
                "--health-enabled=true");
        ChildProcess process = ChildProcess.start("Keycloak", command, environment, home,
                settings.logs().resolve("keycloak.log"));
        return new KeycloakServer(process, "http://" + settings.host() + ":" + settings.keycloakManagementPort() + "/health/ready");
    }

    String healthUrl() {
        return healthUrl;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    @Override
    public void stop() {
        process.stop();
    }

    static String version() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/mitra-local.properties")) {
            if (in == null) {
                throw new IllegalStateException("mitra-local.properties is missing from the launcher's classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path distribution(PlatformSettings settings, String version) {
        Path zip = settings.localModule().resolve("target/keycloak/keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Missing " + zip + ": build the launcher first (./mvnw -B -q -pl deploy/local package)");
        }
        return zip;
    }

    /** Unpacks beside the target and renames at the end, so an interrupted unpack is never taken for a complete one. */
    private static void unpack(Path zip, Path home) {
        System.out.println("  unpacking Keycloak " + zip.getFileName() + " (once)");
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        Directories.delete(staging);
        Directories.create(staging);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IllegalStateException("Zip entry outside the distribution: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Directories.create(target);
                } else {
                    Directories.create(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
            Path unpacked;
            try (Stream<Path> top = Files.list(staging)) {
                unpacked = top.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Empty Keycloak distribution: " + zip));
            }
            Directories.delete(home);
            Files.move(unpacked, home);
            Directories.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip, e);
        }
    }

    /**
     * Keycloak imports a realm only when it does not exist yet, so when the realm (with the installation's client
     * secrets filled in) or the admin's password changed, its development database is dropped and the realm imported
     * afresh; the master realm's admin is made again then, with the installation's password. The data directory
     * holds the secrets (the import file, Keycloak's database): owner-only.
     */
    private static void importRealm(PlatformSettings settings, Path data) {
        Path realmFile = settings.repository().resolve(REALM_FILE);
        try {
            byte[] realm = KeycloakRealm.forImport(realmFile, settings);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(realm);
            sha256.update((settings.keycloakAdminUser() + "\n" + settings.keycloakAdminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String digest = HexFormat.of().formatHex(sha256.digest());
            Directories.create(data);
            Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Path importedDigest = data.resolve("mitra-realm.sha256");
            boolean changed = !Files.exists(importedDigest) || !Files.readString(importedDigest).equals(digest);
            if (changed && Files.exists(data.resolve("h2"))) {
                System.out.println("  realm file changed: Keycloak's development database is reset and the realm imported again");
                Directories.delete(data.resolve("h2"));
            }
            Directories.create(data.resolve("import"));
            Path imported = data.resolve("import").resolve(realmFile.getFileName());
            Files.deleteIfExists(imported);
            Files.createFile(imported, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.write(imported, realm);
            Files.writeString(importedDigest, digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the realm import from " + realmFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
