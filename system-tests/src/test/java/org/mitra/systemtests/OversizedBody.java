package org.mitra.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mitra.local.PlatformService;

/**
 * A POST of a body larger than the server accepts (API4). When the server answers before reading the body and closes
 * the connection while the client still writes, the client may lose the answer; it is then read over a plain socket,
 * the body written by another thread.
 */
final class OversizedBody {
    /** Answers read over a plain socket because the client lost them. */
    static final AtomicInteger SOCKET_FALLBACKS = new AtomicInteger();

    private OversizedBody() {
    }

    static Http.Exchange post(Requests requests, PlatformService target, String path, Caller caller, String body) {
        try {
            return requests.send(target, "POST", path, caller, body, Map.of());
        } catch (IllegalStateException e) {
            SOCKET_FALLBACKS.incrementAndGet();
            return overSocket(requests.platform(), target, path, caller, body);
        }
    }

    /** POST over a plain socket: the answer is read while another thread writes the body (ignoring a closed pipe). */
    private static Http.Exchange overSocket(SystemPlatform platform, PlatformService target, String path, Caller caller, String body) {
        URI uri = URI.create(platform.url(target) + path);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", uri.getHost() + ":" + uri.getPort());
        headers.put("Accept", "application/json");
        caller.authorization(platform.tokens()).ifPresent(value -> headers.put("Authorization", value));
        headers.put("Content-Type", "application/json");
        headers.put("Content-Length", String.valueOf(bytes.length));
        headers.put("Connection", "close");
        long begin = System.nanoTime();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException closed) {
                    // The server answered and closed the connection: what it answered is read below.
                }
            }, "api4-body-writer");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) >= 0;) {
                    received.write(buffer, 0, read);
                    String text = received.toString(StandardCharsets.UTF_8);
                    int end = text.indexOf("\r\n\r\n");
                    if (end > 0) {
                        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, end));
                        if (length.find() && received.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                            break;
                        }
                    }
                }
            } catch (IOException reset) {
                // A reset after the answer arrived: keep what was read.
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("No answer over the socket to POST " + uri + ": " + Http.truncate(text, 200));
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    answerHeaders.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
                }
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            return new Http.Exchange(new Http.Sent("POST", uri.toString(), headers, body), status, answerHeaders, text.substring(end + 4),
                    Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new IllegalStateException("No answer over the socket to POST " + uri + ": " + e, e);
        }
    }
}
