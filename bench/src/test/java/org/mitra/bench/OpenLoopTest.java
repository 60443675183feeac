package org.mitra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every latency target of RESULTS.md rests on: requests leave at their due time whatever the server does, and
 * each latency counts from that due time, so a stall shows in every request it delayed (no coordinated omission), and
 * an unexpected status counts as an error. A real HTTP server on a free port, no mock.
 */
class OpenLoopTest {
    static final long STALL_MILLIS = 300;

    Vertx vertx;
    HttpServer server;
    final AtomicInteger received = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            int n = received.getAndIncrement();
            if (request.path().equals("/missing")) {
                request.response().setStatusCode(404).end();
            } else if (n == 0) {
                // The first request stalls the only connection, as a full GC or a lock would.
                vertx.setTimer(STALL_MILLIS, ignored -> request.response().end("late"));
            } else {
                request.response().end("ok");
            }
        }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStallCountsInEveryRequestItDelayedNotOnlyInTheOneThatMetIt() throws Exception {
        OpenLoop.Outcome outcome;
        try (OpenLoop loop = new OpenLoop(1)) {
            outcome = loop.run("stall", 100, Duration.ofSeconds(2), n -> OpenLoop.Call.get(url("/"), Map.of()));
        }

        assertThat(outcome.sent()).isEqualTo(200);
        assertThat(outcome.errors()).isZero();
        long delayed = outcome.latency().getTotalCount()
                - outcome.latency().getCountBetweenValues(0, TimeUnit.MILLISECONDS.toMicros(100) - 1);
        // Due every 10 ms on one connection: those due in the first ~200 ms of the 300 ms stall waited 100 ms or more.
        // A closed-loop timer would have counted one slow request.
        assertThat(delayed).as("requests that waited 100 ms or more").isGreaterThanOrEqualTo(15);
        assertThat(outcome.max()).isGreaterThanOrEqualTo(STALL_MILLIS * 0.9);
        assertThat(outcome.p50()).as("most requests were not delayed").isLessThan(STALL_MILLIS / 3.0);
    }

    @Test
    void anAnswerWithAnotherStatusThanExpectedIsAnError() throws Exception {
        received.set(1);
        OpenLoop.Outcome outcome;
        try (OpenLoop loop = new OpenLoop(4)) {
            outcome = loop.run("missing", 50, Duration.ofSeconds(1), n -> OpenLoop.Call.get(url("/missing"), Map.of()));
        }

        assertThat(outcome.errors()).isEqualTo(outcome.sent()).isEqualTo(50);
        assertThat(outcome.firstError()).isEqualTo("status 404");
        assertThat(outcome.achieved()).isZero();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }
}
