package org.mitra.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway is told: its routes, which of them are public, rate limits and the feed catalog. */
@ConfigMapping(prefix = "mitra.gateway")
public interface GatewayConfig {

    /**
     * Backends by name (directory, referrals, awareness), one per service; each owns its path prefix and any more
     * prefixes the same service serves (referrals: {@code /api/webhooks}).
     */
    Map<String, Route> routes();

    /**
     * Requests that pass without a token, as {@code METHOD /path/pattern} ({@code *} for any method; in the
     * pattern {@code *} is one path segment and a trailing {@code /**} any rest, including nothing).
     */
    List<String> publicRoutes();

    RateLimits rateLimits();

    /** Bearer tokens the edge has verified, kept so that a caller's next requests skip the signature check. */
    TokenCache tokenCache();

    interface TokenCache {
        /** Longest a verified token is taken on trust (never past its {@code exp}); 0 checks every request in full. */
        @WithDefault("60s")
        Duration maxAge();

        /** Most tokens kept at once; beyond it new tokens are checked in full each time until old ones expire. */
        @WithDefault("10000")
        int maxEntries();
    }

    /** Sizes the gateway accepts at the edge, below what the services accept, so nothing it forwards is refused for size. */
    Limits limits();

    interface Limits {
        /**
         * Longest request target (path and query as sent) the gateway forwards; longer ones get 414 problem+json.
         * Below the services' 4096-character request line ({@code quarkus.http.limits.max-initial-line-length}),
         * which also holds the method and {@code HTTP/1.1}.
         */
        @WithDefault("4000")
        int maxUriLength();

        /**
         * Largest header set (names, values, separators, as on the wire) of a request; larger ones get 431
         * problem+json. Below the services' 20K ({@code quarkus.http.limits.max-header-size}), leaving room for
         * the headers the gateway adds.
         */
        @WithDefault("8K")
        MemorySize maxHeaderSize();

        /**
         * Largest header set of a service's response the gateway reads; a service's paging {@code Link} header
         * repeats the request's query up to four times, so this is well above four {@code max-uri-length}.
         */
        @WithDefault("64K")
        MemorySize maxResponseHeaderSize();
    }

    /**
     * Feeds listed at {@code /api/feeds} besides those the services describe themselves (each service's
     * {@code <prefix>/feeds} catalog), by feed id: live views such as the coverage pie or the HSDS export.
     */
    Map<String, Feed> feeds();

    FeedCatalog feedCatalog();

    /**
     * Bahasa Indonesia title and description of feeds the services describe themselves (they send English only), by
     * catalog id ({@code referrals-statistics}); the DCAT view of the catalog uses them.
     */
    Map<String, Translation> feedTranslations();

    interface Translation {
        @WithName("title-id")
        String titleId();

        @WithName("description-id")
        String descriptionId();
    }

    /** The catalog as DCAT-AP 3 (JSON-LD): who publishes it, where, and the addresses its links are made from. */
    Dcat dcat();

    interface Dcat {
        /**
         * The gateway's public address ({@code MITRA_PUBLIC_URL}), from which every IRI and access URL of the DCAT
         * view is made; never the request's Host, which a caller chooses and a shared cache would keep.
         */
        String publicUrl();

        String title();

        @WithName("title-id")
        String titleId();

        String description();

        @WithName("description-id")
        String descriptionId();

        /** The coalition publishing the feeds (a foaf:Agent); its IRI defaults to {@code <catalog>#publisher}. */
        Publisher publisher();

        interface Publisher {
            String name();

            Optional<String> uri();
        }

        /** Whom to ask about the feeds (dcat:contactPoint). */
        Contact contact();

        interface Contact {
            String name();

            Optional<String> url();
        }

        /** The coalition's region, the spatial coverage of every feed: official (BPS) code, name and an optional IRI. */
        Region region();

        interface Region {
            /** BPS region code (kode wilayah), e.g. {@code 51} for Bali. */
            @WithDefault("51")
            String code();

            @WithDefault("Bali")
            String name();

            /** An IRI for the region, when the coalition has one; otherwise {@code <catalog>#region-<code>}. */
            Optional<String> uri();
        }

        /** ISO 3166-1 alpha-3 code of the country, as the EU country authority table names it. */
        @WithDefault("IDN")
        String country();

        /**
         * First day the coalition recorded on Mitra: the start of the temporal coverage of period-by-period feeds
         * (the gateway cannot see their period lists, which need a token). Unset: the coverage has an end only.
         */
        Optional<LocalDate> dataSince();

        /** Codes of the EU data-theme authority table (SOCI, JUST, ...). */
        List<String> themes();

        @WithName("keywords-en")
        List<String> keywordsEn();

        @WithName("keywords-id")
        List<String> keywordsId();
    }

    interface FeedCatalog {
        /** How long a service's own catalog is reused before it is asked again. */
        @WithDefault("60s")
        Duration refresh();

        /** How long the gateway waits for a service's catalog before listing it as unavailable. */
        @WithDefault("2s")
        Duration timeout();
    }

    Swagger swagger();

    interface Swagger {
        /** The Keycloak realm whose login the services' OpenAPI documents point Swagger UI at. */
        String realmUrl();
    }

    interface Route {
        /** Path prefix, forwarded as is (no rewriting), e.g. {@code /api/directory}. */
        String prefix();

        /**
         * Further path prefixes the same service serves, forwarded as is, through this route's connections, breaker
         * and limits (referrals: {@code /api/webhooks}). The route's feed catalog stays under {@link #prefix()}.
         */
        Optional<List<String>> morePrefixes();

        /** Where the service listens, e.g. {@code http://localhost:8081}. */
        String origin();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest silence while waiting for (or streaming) the service's response. */
        @WithDefault("30s")
        Duration responseTimeout();

        /** Largest request body this route accepts. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        @WithDefault("/q/health/ready")
        String healthPath();

        @WithDefault("/q/openapi")
        String openapiPath();

        /** Where the service describes its data feeds; {@code <prefix>/feeds} unless set. */
        Optional<String> feedCatalogPath();

        @WithDefault("50")
        int maxConnections();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** Consecutive failures (unreachable or timed out) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker refuses calls before letting one trial call through. */
        @WithDefault("10s")
        Duration openDuration();
    }

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Anonymous writes, i.e. public pledges. */
        Policy anonymousWrites();

        /** Anonymous reads of public routes. */
        Policy anonymousReads();

        /** Anything with a valid token. */
        Policy authenticated();

        /** Data feeds ({@code /api/feeds} and {@code /api/{service}/feeds/**}). */
        Policy feeds();
    }

    /** A token bucket: {@code capacity} requests at once, refilled evenly over {@code period}. */
    interface Policy {
        int capacity();

        Duration period();
    }

    interface Feed {
        String title();

        /** The title in Bahasa Indonesia (the DCAT view gives both languages). */
        @WithName("title-id")
        Optional<String> titleId();

        String description();

        @WithName("description-id")
        Optional<String> descriptionId();

        /** Path on the gateway, e.g. {@code /api/directory/coverage}. */
        String url();

        List<String> formats();

        /** ISO-8601 duration between updates, e.g. {@code P1D}. */
        String updatePeriod();

        String licence();

        /** {@code available} when the service serves it today, {@code planned} when announced only. */
        @WithDefault("available")
        String status();

        /** Who may read it: {@code public} or the roles allowed. */
        @WithDefault("public")
        String access();

        @WithName("service")
        Optional<String> service();
    }
}
