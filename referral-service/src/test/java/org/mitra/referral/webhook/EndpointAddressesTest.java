package org.mitra.referral.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where deliveries may go, decided on the addresses of each connection (no Quarkus: plain unit tests). */
class EndpointAddressesTest {
    private static InetAddress at(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyPublicUnicastAddressesAreAllowed() {
        for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "192.0.2.10", "198.18.0.1",
                "198.51.100.7", "203.0.113.9", "192.0.0.8", "::1", "::", "fe80::1", "fd00::1", "fc00::5", "2001:db8::1",
                "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "2001:0:4136:e378::1", "ff02::1")) {
            assertThat(EndpointAddresses.allowed(at(internal), false)).as(internal).isFalse();
        }
        for (String external : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "203.0.114.1",
                "2606:4700:4700::1111", "2a00:1450:4001::1", "2002:808:808::1")) {
            assertThat(EndpointAddresses.allowed(at(external), false)).as(external).isTrue();
        }
        assertThat(EndpointAddresses.allowed(at("127.0.0.1"), true)).isTrue();
        assertThat(EndpointAddresses.allowed(at("::1"), true)).isTrue();
        assertThat(EndpointAddresses.allowed(at("10.0.0.1"), true)).as("the local run allows loopback only").isFalse();
    }

    @Test
    void urlsMustBeHttpsWithoutCredentialsOrFragmentsAndHttpOnlyToLoopbackWhereAllowed() {
        assertThat(EndpointAddresses.refusedUrl("https://cases.example.org/hook?x=1", false)).isEmpty();
        assertThat(EndpointAddresses.refusedUrl("https://cases.example.org:443/hook", false)).isEmpty();
        assertThat(EndpointAddresses.refusedUrl("https://cases.example.org:8443/hook", false)).contains("must use https on port 443");
        assertThat(EndpointAddresses.refusedUrl("https://cases.example.org:22/hook", false)).isPresent();
        assertThat(EndpointAddresses.refusedUrl("http://cases.example.org/hook", false)).contains("must use https");
        assertThat(EndpointAddresses.refusedUrl("http://127.0.0.1:8080/hook", false)).contains("must use https");
        assertThat(EndpointAddresses.refusedUrl("http://127.0.0.1:8080/hook", true)).isEmpty();
        assertThat(EndpointAddresses.refusedUrl("http://localhost:8080/hook", true)).isEmpty();
        assertThat(EndpointAddresses.refusedUrl("http://10.0.0.1/hook", true)).contains("must use https");
        assertThat(EndpointAddresses.refusedUrl("https://user:secret@cases.example.org/", false)).isPresent();
        assertThat(EndpointAddresses.refusedUrl("https://cases.example.org/#x", false)).isPresent();
        assertThat(EndpointAddresses.refusedUrl("https://cases.example.org/" + "a".repeat(3000), false)).isPresent();
        assertThat(EndpointAddresses.refusedUrl("not a url", false)).isPresent();
        assertThat(EndpointAddresses.refusedUrl(null, false)).isPresent();
    }

    /** Connect-time: whatever was checked when the URL was saved, a connection to an internal address is never made. */
    @Test
    void theClientRefusesToConnectToAnAddressThatIsNotAllowedWhateverTheName() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookHttp strict = new WebhookHttp(config(false));
            for (String url : List.of(receiver.url(), receiver.url().replace("127.0.0.1", "localhost"))) {
                WebhookHttp.Answer answer = strict.post(url, Map.of(), "{}");
                assertThat(answer.status()).as(url).isNull();
                assertThat(answer.error()).as(url).contains("not public");
            }
            assertThat(receiver.tries).isEmpty();
            strict.close();

            WebhookHttp local = new WebhookHttp(config(true));
            assertThat(local.post(receiver.url(), Map.of(), "{}").status()).isEqualTo(204);
            assertThat(receiver.tries).hasSize(1);
            local.close();
        }
    }

    @Test
    void aRedirectIsNeverFollowed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.replies = received -> new WebhookReceiver.Reply(307, Map.of("Location", "http://169.254.169.254/"));
            WebhookHttp local = new WebhookHttp(config(true));
            assertThat(local.post(receiver.url(), Map.of(), "{}").status()).isEqualTo(307);
            assertThat(receiver.tries).hasSize(1);
            local.close();
        }
    }

    /** An endpoint that never finishes its answer is cut off at the timeout (3 s here, 15 s in production). */
    @Test
    void aTryIsCutOffAtTheTimeoutWhateverTheEndpointDoes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.replies = received -> {
                try {
                    Thread.sleep(6000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return WebhookReceiver.Reply.ok();
            };
            WebhookHttp local = new WebhookHttp(config(true));
            WebhookHttp.Answer answer = local.post(receiver.url(), Map.of(), "{}");
            assertThat(answer.status()).isNull();
            assertThat(answer.error()).contains("within 3 s");
            assertThat(answer.latencyMillis()).isBetween(2900, 5000);
            local.close();
        }
    }

    /**
     * An endpoint that answers 200 at once, then sends its body a byte at a time (each within the socket timeout) is
     * cut off by the watchdog at the timeout: no endpoint holds a sender longer.
     */
    @Test
    void anEndpointDrippingItsAnswerIsCutOffAtTheTimeoutToo() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (var body = exchange.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    body.write('x');
                    body.flush();
                    Thread.sleep(250);
                }
            } catch (InterruptedException | java.io.IOException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        try {
            WebhookHttp local = new WebhookHttp(config(true));
            WebhookHttp.Answer answer = local.post("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", Map.of(), "{}");
            assertThat(answer.status()).as("no complete answer").isNull();
            assertThat(answer.error()).contains("within 3 s");
            assertThat(answer.latencyMillis()).isBetween(2900, 6000);
            local.close();
        } finally {
            server.stop(0);
        }
    }

    private static WebhookConfig config(boolean allowLoopback) {
        return new WebhookConfig() {
            @Override
            public boolean allowLoopback() {
                return allowLoopback;
            }

            @Override
            public List<Duration> retrySchedule() {
                return List.of(Duration.ofSeconds(1));
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(3);
            }

            @Override
            public Duration maxRetryAfter() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration secretOverlap() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration logRetention() {
                return Duration.ofDays(30);
            }

            @Override
            public String dispatchEvery() {
                return "1s";
            }

            @Override
            public int parallelism() {
                return 2;
            }
        };
    }
}
