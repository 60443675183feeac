package org.mitra.referral.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts to subscribers' endpoints. Every connection goes only to addresses {@link EndpointAddresses} allows, checked on
 * the addresses resolved for that very connection (no second lookup an attacker's DNS could answer differently).
 * No redirect is followed, no proxy from the environment used, no cookie kept, no retry made here (the dispatcher
 * decides), and a try is cut off after {@code mitra.referral.webhooks.timeout} whatever the endpoint does. At most
 * {@link #BODY_LIMIT} bytes of an answer are read, and only the challenge of a verification is kept.
 */
@ApplicationScoped
public class WebhookHttp {
    static final int BODY_LIMIT = 1024;

    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-timeout");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration timeout;

    @Inject
    public WebhookHttp(WebhookConfig config) {
        this.timeout = config.timeout();
        Timeout limit = Timeout.of(timeout);
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AllowedAddresses(config.allowLoopback()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .setMaxConnTotal(Math.max(8, config.parallelism() * 2))
                        .setMaxConnPerRoute(Math.max(4, config.parallelism()))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Mitra-Webhooks/1")
                .build();
    }

    /** What an endpoint answered: its status (null when it did not answer) and what to tell the subscriber. */
    public record Answer(Integer status, Optional<Duration> retryAfter, String body, String error, int latencyMillis) {
        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public Answer post(String url, Map<String, String> headers, String json) {
        long start = System.nanoTime();
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> cutOff = watchdog.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> {
                String body = "";
                if (response.getEntity() != null) {
                    try (InputStream in = response.getEntity().getContent()) {
                        body = new String(in.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8);
                    }
                }
                return new Answer(response.getCode(), retryAfter(response.getFirstHeader("Retry-After")), body, null,
                        millisSince(start));
            });
        } catch (BlockedAddressException e) {
            return new Answer(null, Optional.empty(), "", "the endpoint's host resolves to an address that is not public",
                    millisSince(start));
        } catch (UnknownHostException e) {
            return new Answer(null, Optional.empty(), "", "the endpoint's host does not resolve", millisSince(start));
        } catch (SSLException e) {
            return new Answer(null, Optional.empty(), "", "TLS failed (certificate or handshake)", millisSince(start));
        } catch (IOException | RuntimeException e) {
            boolean timedOut = post.isCancelled() || e instanceof java.net.SocketTimeoutException
                    || e.getCause() instanceof java.net.SocketTimeoutException;
            String why = timedOut ? "no complete answer within " + timeout.toSeconds() + " s"
                    : "no answer (" + e.getClass().getSimpleName() + ")";
            return new Answer(null, Optional.empty(), "", why, millisSince(start));
        } finally {
            cutOff.cancel(false);
        }
    }

    private static int millisSince(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }

    /** {@code Retry-After} as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(Header header) {
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @PreDestroy
    void close() throws IOException {
        watchdog.shutdownNow();
        client.close();
    }

    /** Resolves as the system does, then refuses unless every address is allowed. */
    static final class AllowedAddresses implements DnsResolver {
        private final boolean allowLoopback;

        AllowedAddresses(boolean allowLoopback) {
            this.allowLoopback = allowLoopback;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                if (!EndpointAddresses.allowed(address, allowLoopback)) {
                    throw new BlockedAddressException(host);
                }
            }
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            List<InetSocketAddress> resolved = new ArrayList<>();
            for (InetAddress address : resolve(host)) {
                resolved.add(new InetSocketAddress(address, port));
            }
            return resolved;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }

    /** The host resolved to an address deliveries may not go to. */
    static final class BlockedAddressException extends UnknownHostException {
        BlockedAddressException(String host) {
            super("address not allowed for " + host);
        }
    }
}
