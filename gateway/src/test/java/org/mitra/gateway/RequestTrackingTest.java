package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
@WithTestResource(TestBackends.class)
class RequestTrackingTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final List<String> accessLog = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLog.add(record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    Vertx vertx;

    @BeforeEach
    void captureAccessLog() {
        Logger.getLogger("org.mitra.gateway.access").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("org.mitra.gateway.access").removeHandler(capture);
    }

    @Test
    void consoleLinesAreWrittenOffTheEventLoop() {
        // A blocking console write per access line held the event loop (7 % of the samples under load).
        assertThat(handlersBelow(Logger.getLogger("").getHandlers()))
                .anyMatch(handler -> handler instanceof org.jboss.logmanager.handlers.AsyncHandler async
                        && handlersBelow(async.getHandlers()).stream()
                                .anyMatch(inner -> inner instanceof org.jboss.logmanager.handlers.ConsoleHandler));
    }

    private static List<Handler> handlersBelow(Handler[] handlers) {
        List<Handler> all = new java.util.ArrayList<>();
        for (Handler handler : handlers) {
            all.add(handler);
            if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
                all.addAll(handlersBelow(ext.getHandlers()));
            }
        }
        return all;
    }

    @Test
    void requestIdIsForwardedAndEchoedOnce() {
        String requestId = TestCalls.requestId();
        Response response = TestCalls.client(requestId).get("/api/directory/services");
        response.then().statusCode(200)
                .header("X-Request-Id", requestId)
                .body("headers.x-request-id", contains(requestId));
        assertThat(response.headers().getValues("X-Request-Id")).containsExactly(requestId);
        assertThat(TestCalls.saw("directory", requestId)).isTrue();
    }

    @Test
    void unsafeOrMissingRequestIdIsReplaced() {
        given().header("X-Request-Id", "bad id with spaces\"").get("/api/directory/services").then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .body("headers.x-request-id[0]", matchesPattern(UUID));
        given().header("X-Request-Id", "x".repeat(65)).get("/api/directory/services").then()
                .header("X-Request-Id", matchesPattern(UUID));
        given().get("/api/directory/services").then().header("X-Request-Id", matchesPattern(UUID));
        given().get("/q/health/live").then().header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void theCallersTraceContinuesThroughTheGatewaysOwnSpan() throws InterruptedException {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String requestId = TestCalls.requestId();
        List<String> forwarded = TestCalls.client(requestId).header("traceparent", traceparent).get("/api/awareness/campaigns").then()
                .statusCode(200).extract().path("headers.traceparent");
        assertThat(forwarded).singleElement().asString()
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(traceparent);
        assertThat(linesOf(requestId)).singleElement().asString().contains("traceId=4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void withoutACollectorNoSpanIsRecorded() {
        // OpenTelemetry's Vert.x tracer recorded a server and a client span per request that nobody exported (7-14 % of
        // the throughput); without a collector there is none, and the trace is continued by RequestTracking itself.
        assertThat(((VertxInternal) vertx).tracer()).as("Vert.x tracer").isNull();
    }

    @Test
    void theCallersSampledFlagAndTracestateAreKept() {
        String notSampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        String tracestate = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";
        Response echoed = TestCalls.client().header("traceparent", notSampled).header("tracestate", tracestate)
                .get("/api/awareness/campaigns");
        echoed.then().statusCode(200);
        List<String> forwarded = echoed.path("headers.traceparent");
        assertThat(forwarded).singleElement().asString()
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00")
                .isNotEqualTo(notSampled);
        assertThat(echoed.<List<String>>path("headers.tracestate")).containsExactly(tracestate);

        // A tracestate belongs to the traceparent beside it: with a malformed one it goes too.
        List<String> dropped = TestCalls.client().header("traceparent", "garbage").header("tracestate", tracestate)
                .get("/api/awareness/campaigns").then().statusCode(200).extract().path("headers.tracestate");
        assertThat(dropped).isNullOrEmpty();
    }

    @Test
    void aMissingOrMalformedTraceparentStartsANewTrace() {
        for (String incoming : new String[] {null, "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}) {
            var request = TestCalls.client();
            if (incoming != null) {
                request.header("traceparent", incoming);
            }
            List<String> forwarded = request.get("/api/awareness/campaigns").then().statusCode(200)
                    .extract().path("headers.traceparent");
            assertThat(forwarded).as("forwarded for %s", incoming).singleElement().asString()
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .doesNotContain("00000000000000000000000000000000");
        }
    }

    @Test
    void accessLogHasOneLinePerRequestWithoutQueryTokenOrBody() throws InterruptedException {
        String requestId = TestCalls.requestId();
        String token = Tokens.as("gov-liaison").subject("liaison-" + requestId).sign();
        TestCalls.client(requestId).auth().oauth2(token).contentType("application/json")
                .body("{\"name\":\"Secret Survivor Name\"}")
                .post("/api/referrals/search?name=Secret+Survivor").then().statusCode(200);
        List<String> lines = linesOf(requestId);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("POST /api/referrals/search 200 ")
                .contains("caller=sub:liaison-" + requestId, "route=referrals")
                .doesNotContain("Secret", "name=", token, "Bearer");
    }

    @Test
    void anonymousAndRefusedRequestsAreLoggedToo() throws InterruptedException {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).get("/api/referrals").then().statusCode(401);
        assertThat(linesOf(requestId)).anySatisfy(line -> assertThat(line)
                .startsWith("GET /api/referrals 401 ").contains("caller=anonymous", requestId));
    }

    /** The line is written when the exchange has ended, which may be just after the client has its answer. */
    private List<String> linesOf(String requestId) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> lines = accessLog.stream().filter(line -> line.contains(requestId)).toList();
            if (!lines.isEmpty()) {
                Thread.sleep(50);
                return accessLog.stream().filter(line -> line.contains(requestId)).toList();
            }
            Thread.sleep(20);
        }
        return List.of();
    }

    @Test
    void problemBodiesCarryTheRequestId() {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).get("/api/referrals").then()
                .statusCode(401)
                .body("requestId", equalTo(requestId));
    }
}
