package org.mitra.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.mitra.gateway.GatewayConfig;
import org.mitra.gateway.security.Caller;

/**
 * Picks the policy for a request and the bucket it draws from: per caller ({@code sub}/{@code azp}) when there
 * is a token, per client address otherwise. The client address is the connection's peer, or the forwarded one
 * only when Quarkus is told to trust a proxy in front ({@code quarkus.http.proxy.*}), so it cannot be spoofed.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Pattern FEEDS = Pattern.compile("/api/(feeds|[^/]+/feeds)(/.*)?");

    private final BucketStore store;
    private final boolean enabled;
    private final RateLimitPolicy anonymousWrites;
    private final RateLimitPolicy anonymousReads;
    private final RateLimitPolicy authenticated;
    private final RateLimitPolicy feeds;

    @Inject
    public RateLimiter(BucketStore store, GatewayConfig config) {
        this.store = store;
        GatewayConfig.RateLimits limits = config.rateLimits();
        this.enabled = limits.enabled();
        this.anonymousWrites = policy("anonymous-writes", limits.anonymousWrites());
        this.anonymousReads = policy("anonymous-reads", limits.anonymousReads());
        this.authenticated = policy("authenticated", limits.authenticated());
        this.feeds = policy("feeds", limits.feeds());
    }

    private static RateLimitPolicy policy(String name, GatewayConfig.Policy config) {
        return new RateLimitPolicy(name, config.capacity(), config.period());
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes a token for this request and puts the {@code RateLimit-Policy}/{@code RateLimit} fields on the response. */
    public Future<RateLimitDecision> check(RoutingContext rc, Caller caller) {
        if (!enabled) {
            return Future.succeededFuture(null);
        }
        RateLimitPolicy policy = policyFor(rc.request().method().name(), rc.request().path(), caller);
        String key = caller.isAnonymous() ? "ip:" + clientAddress(rc) : caller.key();
        return store.take(key, policy).onSuccess(decision -> {
            rc.response().putHeader("RateLimit-Policy", policy.header());
            rc.response().putHeader("RateLimit", decision.header());
            if (!decision.allowed()) {
                rc.response().putHeader("Retry-After", Long.toString(decision.secondsToNextToken()));
            }
        });
    }

    RateLimitPolicy policyFor(String method, String path, Caller caller) {
        if (path != null && FEEDS.matcher(path).matches()) {
            return feeds;
        }
        if (!caller.isAnonymous()) {
            return authenticated;
        }
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return read ? anonymousReads : anonymousWrites;
    }

    private static String clientAddress(RoutingContext rc) {
        return rc.request().remoteAddress() != null ? rc.request().remoteAddress().hostAddress() : "unknown";
    }
}
