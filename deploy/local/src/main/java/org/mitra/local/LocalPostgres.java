package org.mitra.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL 17 from zonky's binaries, its data kept under the runtime directory between runs. It listens on
 * MITRA_HOST only and asks every connection for its password (scram-sha-256), the superuser's included: zonky's
 * initdb trusts every local connection, so before each start the launcher writes the data directory's
 * pg_hba.conf itself and, when the superuser does not have the installation's password yet (a new data directory,
 * or one from a version of the launcher that trusted everyone), sets it in single-user mode, where nothing
 * listens at all.
 */
final class LocalPostgres implements Stoppable {
    private static final String SUPERUSER = "postgres";
    static final String HBA = """
            # Written by the Mitra launcher on every start: every connection proves its password.
            # TYPE  DATABASE  USER  ADDRESS  METHOD
            local   all       all            scram-sha-256
            host    all       all   all      scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String superuserPassword;
    private final Path data;

    private LocalPostgres(EmbeddedPostgres postgres, String superuserPassword, Path data) {
        this.postgres = postgres;
        this.superuserPassword = superuserPassword;
        this.data = data;
    }

    static LocalPostgres start(PlatformSettings settings) {
        Path home = settings.runtime().resolve("postgres");
        Path binaries = home.resolve("binaries");
        Path data = home.resolve("data");
        Path log = settings.logs().resolve("postgres.log");
        String superuserPassword = settings.postgresSuperuserPassword();
        try {
            Files.createDirectories(binaries);
            Files.createDirectories(log.getParent());
            // zonky unpacks its binaries under this directory instead of /tmp.
            System.setProperty("ot.epg.working-dir", binaries.toString());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(settings.postgresPort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", listenAddresses(settings.host()))
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "200")
                    // An error's DETAIL quotes the values involved (a unique violation names the key: an e-mail, a
                    // name), so the server's log keeps only the error itself; the statement is logged without values.
                    .setServerConfig("log_error_verbosity", "terse")
                    // zonky's own readiness check connects as the superuser.
                    .setConnectConfig("password", superuserPassword)
                    // After initdb (which trusts everyone) and before the server starts, every time.
                    .setDataDirectoryCustomizer(directory -> requirePasswords(directory.toPath(), binaries, superuserPassword, log))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new LocalPostgres(postgres, superuserPassword, data);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL; see " + log, e);
        }
    }

    /**
     * MITRA_HOST, and loopback beside it when MITRA_HOST is another single address: zonky checks readiness on
     * 127.0.0.1.
     */
    static String listenAddresses(String host) {
        Set<String> loopbackOrAll = Set.of("127.0.0.1", "localhost", "::1", "0.0.0.0", "::", "*");
        return loopbackOrAll.contains(host) ? host : host + ",127.0.0.1";
    }

    /**
     * Writes pg_hba.conf (password for everyone) and gives the superuser the installation's password unless it has
     * it already, recorded by a digest of the password in the data directory.
     */
    private static void requirePasswords(Path data, Path binaries, String superuserPassword, Path log) {
        try {
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, HBA);
            Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-------"));
            Path marker = data.resolve("mitra-superuser-password.sha256");
            String digest = sha256(superuserPassword);
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(digest)) {
                return;
            }
            Path postgres = binary(binaries, "postgres");
            List<String> command = new java.util.ArrayList<>();
            // As zonky runs its own commands: PostgreSQL refuses to run as root, so as root in a user namespace of its own.
            if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(postgres.toString(), "--single", "-D", data.toString(),
                    "-c", "listen_addresses=", "-c", "unix_socket_directories=", "-c", "password_encryption=scram-sha-256",
                    SUPERUSER));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(("ALTER ROLE " + SUPERUSER + " WITH PASSWORD " + quoted(superuserPassword) + ";\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Could not set the PostgreSQL superuser's password in single-user mode; see " + log);
            }
            Files.writeString(marker, digest);
            System.out.println("  PostgreSQL: the superuser now signs in with the installation's password (scram-sha-256)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + data, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The binary from the directory zonky unpacked into: zonky unpacks once per JVM, so a second installation
     * started by the same JVM (tests) runs the first one's binaries.
     */
    private static Path binary(Path binaries, String name) {
        Set<File> candidates = new LinkedHashSet<>();
        try {
            var field = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
            field.setAccessible(true);
            ((Map<?, ?>) field.get(null)).values().forEach(dir -> candidates.add((File) dir));
        } catch (ReflectiveOperationException | RuntimeException notThisVersion) {
            // fall back to looking under the installation's own binaries directory
        }
        try (Stream<Path> unpacked = Files.list(binaries)) {
            unpacked.filter(dir -> dir.getFileName().toString().startsWith("PG-")).forEach(dir -> candidates.add(dir.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return candidates.stream().map(dir -> dir.toPath().resolve("bin").resolve(name))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL " + name + " under " + binaries));
    }

    /** Creates the service's user and database unless they exist, and sets the user's password to the configured one. */
    void ensureDatabase(String name, String password) {
        plain(name);
        try (Connection connection = postgres.getPostgresDatabase(Map.of("password", superuserPassword)).getConnection();
                Statement statement = connection.createStatement()) {
            ensureRole(connection, name, password);
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    /**
     * Creates the service's database owned by {@code owner}, the role that runs its migrations, and the service's own
     * user {@code name}, which owns nothing there (the migrations grant it what it needs), unless they exist, and sets
     * both passwords to the configured ones. A database made by an earlier launcher, which the service's user owned
     * with every object in it, is handed to the owner once ({@code REASSIGN OWNED}); its data is kept.
     */
    void ensureDatabase(String name, String password, String owner, String ownerPassword) {
        ensureDatabase(name, owner, ownerPassword, name, password);
    }

    /**
     * As {@link #ensureDatabase(String, String, String, String)}, with the service's user named apart from the
     * database: the key store {@code referral_keys}, owned by the role of that name (as earlier launchers made it, so an
     * existing key store keeps its owner and needs no hand-over), used by {@code referral_keys_runtime}.
     */
    void ensureDatabase(String database, String owner, String ownerPassword, String user, String userPassword) {
        plain(database);
        plain(owner);
        plain(user);
        try (Connection connection = postgres.getPostgresDatabase(Map.of("password", superuserPassword)).getConnection();
                Statement statement = connection.createStatement()) {
            ensureRole(connection, owner, ownerPassword);
            ensureRole(connection, user, userPassword);
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        try (Connection connection = postgres.getDatabase(SUPERUSER, database, Map.of("password", superuserPassword)).getConnection();
                Statement statement = connection.createStatement()) {
            if (exists(connection, """
                    SELECT 1 WHERE (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) = ?
                       OR EXISTS (SELECT 1 FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = ?))""",
                    user, user)) {
                // The database and, in it, every object the service's user owns (shared objects such as the database too).
                statement.execute("REASSIGN OWNED BY " + user + " TO " + owner);
                System.out.println("  PostgreSQL: database " + database + " and its tables now belong to " + owner
                        + "; " + user + " owns none of them");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot hand database " + database + " to " + owner, e);
        }
    }

    /** Creates the login role unless it exists (no superuser, no database or role creation), with this password. */
    private static void ensureRole(Connection connection, String role, String password) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                statement.execute("ALTER ROLE " + role + " WITH LOGIN PASSWORD " + quoted(password));
            } else {
                statement.execute("CREATE ROLE " + role + " WITH LOGIN PASSWORD " + quoted(password));
            }
        }
    }

    private static String plain(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database or role name: " + name);
        }
        return name;
    }

    /** The postmaster's process id (pg_ctl starts it detached from the launcher). */
    Optional<Long> pid() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(Connection connection, String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeQuery().next();
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
