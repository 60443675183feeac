package org.mitra.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plain HTTP/1.1 client: what the suites send is exactly what goes on the wire, nothing added by a framework. */
public final class Http {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A request as sent, kept so that a failure can be reported in a form that reproduces it. */
    /** Requests sent a second time because the first went out on a connection the server had closed. */
    public static final java.util.concurrent.atomic.AtomicLong RETRIES = new java.util.concurrent.atomic.AtomicLong();

    public record Sent(String method, String url, Map<String, String> headers, String body) {
        public String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(url);
            headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ")
                    .append(name.equalsIgnoreCase("Authorization") ? truncate(value, 40) : value));
            if (body != null) {
                text.append("\n  body (").append(body.length()).append(" chars): ").append(truncate(body, 400));
            }
            return text.toString();
        }
    }

    public record Exchange(Sent request, int status, Map<String, List<String>> headers, String body, Duration took) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public String describe() {
            return request.describe() + "\n=> " + status + " " + contentType() + "\n  " + truncate(body, 600);
        }
    }

    public Exchange get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    /** Sends the request; a body of {@code null} sends none. Headers are sent in the given order. */
    public Exchange send(String method, String url, Map<String, String> headers, String body) {
        Sent sent = new Sent(method, url, new LinkedHashMap<>(headers), body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response;
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // A pooled keep-alive connection the server had closed (it closes after answering a request whose body
                // it did not read): the request never reached it, so it is sent once more on a new connection.
                RETRIES.incrementAndGet();
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return new Exchange(sent, response.statusCode(), response.headers().map(), response.body(),
                    Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new IllegalStateException("No answer to " + sent.describe() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
