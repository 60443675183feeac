package org.mitra.awareness.ratelimit;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds back spam from one source on the public writes: at most {@code max-per-window} requests
 * per target (a campaign's pledges, an activity's registrations) and client in a fixed window.
 * Kept in memory per instance (the gateway's limit covers the whole platform); client addresses
 * are never stored anywhere else.
 *
 * <p>The client is the remote address as Quarkus resolves it: the peer, or the {@code X-Forwarded-For} address only when
 * the peer is one of {@code quarkus.http.proxy.trusted-proxies} (the gateway). This class never reads a forwarding
 * header itself, so a caller talking to the service directly cannot name itself anew with each request (issue 12
 * item 14).
 */
@ApplicationScoped
public class SourceRateLimit {
    @Inject
    RateLimitConfig config;

    Clock clock = Clock.systemUTC();

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int count) {
    }

    /** Counts an attempt on the target by the request's client; throws a 429 once the window is used up. */
    public void acquire(UUID target, HttpServerRequest request) {
        acquire(target, client(request));
    }

    void acquire(UUID target, String client) {
        Instant now = clock.instant();
        Duration length = config.window();
        Window window = windows.compute(target + "|" + client, (key, current) ->
                current == null || !now.isBefore(current.start().plus(length))
                        ? new Window(now, 1)
                        : new Window(current.start(), current.count() + 1));
        if (window.count() > config.maxPerWindow()) {
            long retryAfter = Math.max(1, Duration.between(now, window.start().plus(length)).toSeconds());
            throw new TooManyRequestsException(retryAfter);
        }
    }

    /** Windows held now: only clients active within the last window. */
    int size() {
        return windows.size();
    }

    static String client(HttpServerRequest request) {
        return request.remoteAddress() != null ? request.remoteAddress().host() : "unknown";
    }

    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedWindows() {
        Instant now = clock.instant();
        windows.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().start().plus(config.window())));
    }
}
