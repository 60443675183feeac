package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mitra.local.ComponentStatus;
import org.mitra.local.Directories;
import org.mitra.local.LocalPlatform;
import org.mitra.local.PlatformService;
import org.mitra.local.PlatformSettings;

/**
 * The whole platform, started as the local run starts it (embedded PostgreSQL, a KRaft broker, the real Keycloak, the
 * four services as separate JVMs from their built quarkus-run.jar), once per failsafe JVM: the first suite that asks
 * starts it, a shutdown hook stops it. Every suite of this module shares it, so suites make their own data.
 */
public final class SystemPlatform {
    /** Shared with deploy/local's tests on purpose: the unpacked Keycloak is kept between runs. */
    static final String RUNTIME = "deploy/local/target/it-runtime";

    private static SystemPlatform instance;

    private final LocalPlatform platform;
    private final PlatformSettings settings;
    private final Http http = new Http();
    private final KeycloakTokens tokens;
    private final Map<PlatformService, OpenApi> documents = new EnumMap<>(PlatformService.class);
    private RealmSigningKey signingKey;

    private SystemPlatform(LocalPlatform platform) {
        this.platform = platform;
        this.settings = platform.settings();
        this.tokens = new KeycloakTokens(settings, http);
    }

    public static synchronized SystemPlatform get() {
        if (instance == null) {
            PlatformSettings settings = PlatformSettings.withFreePorts(PlatformSettings.findRepository(Path.of("")), RUNTIME,
                    PlatformService.values());
            // A fresh database and broker for every run; Keycloak's unpacked distribution and realm stay.
            Directories.delete(settings.runtime().resolve("postgres/data"));
            Directories.delete(settings.runtime().resolve("kafka"));
            long begin = System.nanoTime();
            LocalPlatform platform = LocalPlatform.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "system-tests-platform-stop"));
            List<ComponentStatus> notReady = platform.statuses().stream().filter(status -> !status.ready()).toList();
            if (!notReady.isEmpty()) {
                platform.close();
                throw new IllegalStateException("The platform did not come up: " + notReady);
            }
            System.out.printf("Platform up in %.1f s; logs in %s%n", (System.nanoTime() - begin) / 1e9, settings.logs());
            instance = new SystemPlatform(platform);
            instance.tokens.clearLockouts();
            // Imported before any suite sends a token: a service that meets its kid first refreshes its key set once.
            instance.signingKey = RealmSigningKey.importInto(instance);
            // Every caller's token once, one after the other, before any suite sends requests in parallel.
            Caller.all().forEach(caller -> caller.authorization(instance.tokens));
        }
        return instance;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public Http http() {
        return http;
    }

    /** A signing key the realm trusts and the suites hold, for tokens with chosen claims. */
    RealmSigningKey signingKey() {
        return signingKey;
    }

    public KeycloakTokens tokens() {
        return tokens;
    }

    public String url(PlatformService service) {
        return settings.serviceUrl(service);
    }

    /** The service's OpenAPI document as it serves it at {@code /q/openapi?format=json}, fetched once. */
    public synchronized OpenApi openApi(PlatformService service) {
        return documents.computeIfAbsent(service, each -> {
            Http.Exchange response = http.get(url(each) + "/q/openapi?format=json", Map.of());
            if (response.status() != 200) {
                throw new IllegalStateException(each.module() + " serves no OpenAPI document: " + response.status());
            }
            JsonNode document = Json.read(response.body());
            return new OpenApi(each, document);
        });
    }

    /**
     * A connection to the service's own database as the role that owns it, which sees every table: the service's own
     * database user, or where the service's user owns nothing (referral-service) the owner role its migrations run as.
     */
    public Connection database(PlatformService service) throws SQLException {
        String database = service.database().orElseThrow(() -> new IllegalArgumentException(service + " keeps no data"));
        if (service.databaseOwner().isPresent()) {
            String owner = service.databaseOwner().get();
            return DriverManager.getConnection(settings.jdbcUrl(database), owner, settings.databaseOwnerPassword(owner));
        }
        return DriverManager.getConnection(settings.jdbcUrl(database), database, settings.databasePassword());
    }
}
