package org.mitra.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load: requests leave at a constant rate whether or not earlier ones have answered, and each latency is
 * counted from the moment the request was due, not from when it could be sent, so a server that falls behind shows
 * its queue in the percentiles (no coordinated omission). One Vert.x client with a bounded connection pool; a
 * request waiting for a connection is waiting, and is counted so.
 */
final class OpenLoop implements AutoCloseable {
    private static final long HIGHEST_MILLIS = 60_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One request to send: the {@code n}-th of a run gets {@code factory.apply(n)}. */
    record Call(HttpMethod method, String url, Map<String, String> headers, String body, int expectedStatus) {
        static Call get(String url, Map<String, String> headers) {
            return new Call(HttpMethod.GET, url, headers, null, 200);
        }
    }

    /** What a run measured: latency in microseconds from each request's due time, and what went wrong. */
    record Outcome(String label, int rate, Duration duration, Histogram latency, long sent, long errors, long late,
            String firstError) {
        double p50() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }

        double max() {
            return latency.getMaxValue() / 1000.0;
        }

        /** Requests answered with the expected status per second of the run. */
        double achieved() {
            return (sent - errors) / (duration.toNanos() / 1e9);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;

    OpenLoop(int connections) {
        this.vertx = Vertx.vertx();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** Sends {@code rate} requests per second for {@code duration}, then waits (bounded) for the last answers. */
    Outcome run(String label, int rate, Duration duration, LongFunction<Call> factory) throws InterruptedException {
        long total = Math.max(1, rate * duration.toNanos() / 1_000_000_000L);
        long interval = 1_000_000_000L / rate;
        Recorder recorder = new Recorder(TimeUnit.MILLISECONDS.toMicros(HIGHEST_MILLIS), 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong late = new AtomicLong();
        String[] firstError = new String[1];
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -interval) {
                late.incrementAndGet();
            }
            Call call = factory.apply(n);
            send(call).onComplete(result -> {
                long micros = Math.min((System.nanoTime() - due) / 1000, TimeUnit.MILLISECONDS.toMicros(HIGHEST_MILLIS));
                recorder.recordValue(Math.max(0, micros));
                if (result.failed() || result.result() != call.expectedStatus()) {
                    if (errors.getAndIncrement() == 0) {
                        firstError[0] = result.failed() ? result.cause().toString() : "status " + result.result();
                    }
                }
                answered.countDown();
            });
        }
        if (!answered.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            errors.addAndGet(answered.getCount());
            if (firstError[0] == null) {
                firstError[0] = answered.getCount() + " requests never answered";
            }
        }
        Histogram histogram = recorder.getIntervalHistogram();
        histogram.setStartTimeStamp(System.currentTimeMillis() - duration.toMillis());
        histogram.setEndTimeStamp(System.currentTimeMillis());
        histogram.setTag(label.replaceAll("[^A-Za-z0-9._-]", "_"));
        return new Outcome(label, rate, duration, histogram, total, errors.get(), late.get(), firstError[0]);
    }

    /** The status of the answer, its body read to the end (so the connection is free for the next request). */
    private Future<Integer> send(Call call) {
        URI uri = URI.create(call.url());
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery())
                .setTimeout(TIMEOUT.toMillis());
        call.headers().forEach(options::putHeader);
        return client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
