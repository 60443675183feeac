package org.mitra.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * nginx (Debian's package) as a plain keep-alive reverse proxy in front of the services: the reference the gateway is
 * measured against. Same prefixes as the gateway, HTTP/1.1 with pooled upstream connections, an access log like the
 * gateway's, no authentication and no rate limit: what any proxy costs, before the gateway's own work.
 */
final class Nginx implements AutoCloseable {
    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code routes}: prefix (as {@code /api/directory/}) to the service's base URL. */
    static Nginx start(Path directory, int port, Map<String, String> routes) throws IOException, InterruptedException {
        Path nginx = Tools.require("nginx", "apt-get install nginx-light");
        Files.createDirectories(directory.resolve("logs"));
        StringBuilder upstreams = new StringBuilder();
        StringBuilder locations = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, String> route : routes.entrySet()) {
            URI origin = URI.create(route.getValue());
            String name = "service" + n++;
            upstreams.append("  upstream ").append(name).append(" { server ").append(origin.getHost()).append(':')
                    .append(origin.getPort()).append("; keepalive 64; }\n");
            locations.append("    location ").append(route.getKey()).append(" { proxy_pass http://").append(name)
                    .append("; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host $host; }\n");
        }
        String config = """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log %1$s/logs/access.log combined buffer=64k flush=1s;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  keepalive_requests 100000;
                %2$s  server {
                    listen 127.0.0.1:%3$d;
                %4$s  }
                }
                """.formatted(directory.toAbsolutePath(), upstreams, port, locations);
        Path file = directory.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(nginx.toString(), "-p", directory.toAbsolutePath().toString(), "-c", file.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("logs/stdout.log").toFile()).start();
        Nginx started = new Nginx(process, port);
        started.awaitListening(Duration.ofSeconds(10));
        return started;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped at start, see its error log under bench/target");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode();
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("nginx did not listen on " + port + " within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // SIGTERM reaches the master, which stops its workers before it exits.
    }
}
