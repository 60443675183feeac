package org.mitra.gateway.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.mitra.feeds.FeedDescription;
import org.mitra.gateway.GatewayConfig;
import org.mitra.gateway.routing.Backend;
import org.mitra.gateway.routing.Backends;

/**
 * The platform's feed catalog: what each service says about its own feeds (its {@code <prefix>/feeds}
 * document, asked at most once per refresh period and remembered; listed as {@code <service>-<id>}), plus the live views configured on
 * the gateway. A service that cannot be asked keeps its last known entries; one never reached is named
 * as unavailable, and the rest of the catalog is still served.
 */
@ApplicationScoped
public class FeedCatalog {
    private static final Logger LOG = Logger.getLogger(FeedCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<FeedDescription>> DESCRIPTIONS = new TypeReference<>() {
    };

    @Inject
    GatewayConfig config;

    @Inject
    Backends backends;

    Clock clock = Clock.systemUTC();

    private final Map<String, Snapshot> lastKnown = new ConcurrentHashMap<>();

    /** Every feed, sorted by id, and the services whose feeds could not be listed. */
    public record Listing(List<FeedView> feeds, List<String> unavailable) {
    }

    private record Snapshot(List<FeedView> feeds, Instant fetchedAt) {
    }

    public Uni<Listing> listing() {
        List<Backend> all = List.copyOf(backends.all());
        List<Future<List<FeedView>>> answers = all.stream().map(this::feedsOf).toList();
        Future<Listing> listing = Future.join(answers).transform(ignored -> {
            Map<String, FeedView> byId = new LinkedHashMap<>();
            config.feeds().forEach((id, feed) -> byId.put(id, configured(id, feed)));
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Future<List<FeedView>> answer = answers.get(i);
                if (answer.succeeded()) {
                    answer.result().forEach(view -> byId.put(view.id(), view));
                } else {
                    unavailable.add(all.get(i).name());
                }
            }
            List<FeedView> feeds = byId.values().stream().sorted(Comparator.comparing(FeedView::id)).toList();
            unavailable.sort(Comparator.naturalOrder());
            return Future.succeededFuture(new Listing(feeds, List.copyOf(unavailable)));
        });
        return Uni.createFrom().completionStage(listing.toCompletionStage());
    }

    private Future<List<FeedView>> feedsOf(Backend backend) {
        Snapshot known = lastKnown.get(backend.name());
        Instant now = clock.instant();
        if (known != null && known.fetchedAt().plus(config.feedCatalog().refresh()).isAfter(now)) {
            return Future.succeededFuture(known.feeds());
        }
        return backend.fetch(backend.feedCatalogPath(), config.feedCatalog().timeout().toMillis())
                .map(body -> {
                    List<FeedView> feeds = parse(backend.name(), body.getBytes());
                    lastKnown.put(backend.name(), new Snapshot(feeds, now));
                    return feeds;
                })
                .recover(failure -> {
                    LOG.debugf("Feed catalog of %s not read: %s", backend.name(), failure.getMessage());
                    return known != null ? Future.succeededFuture(known.feeds()) : Future.failedFuture(failure);
                });
    }

    private static List<FeedView> parse(String service, byte[] body) {
        try {
            return JSON.readValue(body, DESCRIPTIONS).stream()
                    .filter(description -> description.id() != null && description.url() != null)
                    .map(description -> new FeedView(service + "-" + description.id(), description.title(), description.description(),
                            description.url(), listOrEmpty(description.formats()), listOrEmpty(description.periods()),
                            description.updatePeriod(), description.licence(), "available",
                            description.access() == null || description.access().isEmpty() ? "public"
                                    : String.join(",", description.access()),
                            service))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(service + " sent a feed catalog that is not a list of feed descriptions");
        }
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static FeedView configured(String id, GatewayConfig.Feed feed) {
        return new FeedView(id, feed.title(), feed.description(), feed.url(), List.copyOf(feed.formats()), List.of(),
                feed.updatePeriod(), feed.licence(), feed.status(), feed.access(), feed.service().orElse(null));
    }
}
