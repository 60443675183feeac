package org.mitra.local;

import java.nio.file.Path;
import java.util.Optional;

/** The four Mitra services, each a Quarkus application built by its own module. */
public enum PlatformService {
    DIRECTORY("directory-service", "directory", null, null, null, 8081, 9081),
    REFERRAL("referral-service", "referral", "referral_owner", "referral_keys", "referral_keys_runtime", 8082, 9082),
    AWARENESS("awareness-service", "awareness", null, null, null, 8083, 9083),
    GATEWAY("gateway", null, null, null, null, 8080, 9080);

    private final String module;
    private final String database;
    private final String databaseOwner;
    private final String keyStoreDatabase;
    private final String keyStoreRuntimeRole;
    private final int defaultPort;
    private final int defaultManagementPort;

    PlatformService(String module, String database, String databaseOwner, String keyStoreDatabase, String keyStoreRuntimeRole,
            int defaultPort, int defaultManagementPort) {
        this.module = module;
        this.database = database;
        this.databaseOwner = databaseOwner;
        this.keyStoreDatabase = keyStoreDatabase;
        this.keyStoreRuntimeRole = keyStoreRuntimeRole;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
    }

    public String module() {
        return module;
    }

    /** The service's own database (and database user); the gateway keeps no data. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /**
     * The role that owns the service's database and runs its migrations, when the service's own role must own no
     * table (referral-service: it may only insert into and read its audit log). Without one, the service's role owns
     * its database.
     */
    public Optional<String> databaseOwner() {
        return Optional.ofNullable(databaseOwner);
    }

    /**
     * A second database holding the keys that open the first one's encrypted columns (the referral-service's data
     * keys), kept apart so that a backup of the service's database never holds them. A role of the same name owns it
     * and runs its migrations (as it always has, so installations made before {@link #keyStoreRuntimeRole()} keep
     * their owner); the service signs in as {@link #keyStoreRuntimeRole()}.
     */
    public Optional<String> keyStoreDatabase() {
        return Optional.ofNullable(keyStoreDatabase);
    }

    /**
     * The service's own role on its key store, which owns nothing there and may only do what the service does (it
     * may not rewrite the shred ledger; referral-service's R__key_store_runtime_role.sql). Present with
     * {@link #keyStoreDatabase()}.
     */
    public Optional<String> keyStoreRuntimeRole() {
        return Optional.ofNullable(keyStoreRuntimeRole);
    }

    /** Every database the service uses. */
    public java.util.List<String> databases() {
        return java.util.stream.Stream.concat(database().stream(), keyStoreDatabase().stream()).toList();
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The port of the service's management interface (metrics): each its own, as all four share one machine. */
    public int defaultManagementPort() {
        return defaultManagementPort;
    }

    /** Environment variable that moves the management interface, e.g. {@code MITRA_DIRECTORY_MANAGEMENT_PORT}. */
    public String managementPortVariable() {
        return "MITRA_" + name() + "_MANAGEMENT_PORT";
    }

    /** Environment variable that moves this service to another port, e.g. {@code MITRA_DIRECTORY_PORT}. */
    public String portVariable() {
        return "MITRA_" + name() + "_PORT";
    }

    /** Environment variable through which the gateway learns where this service listens, e.g. {@code MITRA_DIRECTORY_URL}. */
    public String urlVariable() {
        return "MITRA_" + name() + "_URL";
    }

    public Path runnableJar(Path repository) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
