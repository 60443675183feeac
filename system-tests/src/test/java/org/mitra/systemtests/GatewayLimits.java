package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mitra.local.PlatformService;

/**
 * API6, sensitive business flows: the gateway's rate-limit policies as built, and the two flows that must stop at
 * them: anonymous pledges one after the other, and one caseworker's referral burst on 4 threads.
 */
final class GatewayLimits {
    private static final String PREFIX = "mitra.gateway.rate-limits.";

    /** Anonymous pledges sent until the first 429 (null if none came), and how many were created. */
    record Pledges(int sent, int accepted, Http.Exchange refused) {
    }

    /** A referral burst: referrals created before the first 429 (null if none came), an answer neither, and its length. */
    record Burst(int warmUp, int created, Http.Exchange firstRefusal, Http.Exchange unexpected, double seconds) {
        /** The most referrals it may create: the capacity, what refills evenly over the period while it lasts, 4 in flight. */
        long bound(int capacity, Duration period) {
            return capacity + (long) Math.ceil(capacity * seconds / period.toSeconds()) + 4;
        }
    }

    private final Requests requests;
    private final Properties gateway;

    GatewayLimits(Requests requests) {
        this.requests = requests;
        this.gateway = gatewayConfiguration(requests.platform());
    }

    int capacity(String policy) {
        return Integer.parseInt(gateway.getProperty(PREFIX + policy + ".capacity").strip());
    }

    /** The policy's period as the configuration writes it (10m, 1m...). */
    String periodOf(String policy) {
        return gateway.getProperty(PREFIX + policy + ".period");
    }

    /** Anonymous pledges through the gateway, one after the other, until the first 429 or capacity + 1 of them. */
    Pledges anonymousPledges(String campaignId, int capacity) {
        SystemPlatform platform = requests.platform();
        JsonNode campaign = Json.read(platform.http().get(platform.url(PlatformService.AWARENESS) + "/api/awareness/campaigns/" + campaignId,
                Map.of()).body());
        String pledge = Json.write(Json.object().put("kind", "PERSON").put("commitment", campaign.path("pledgeOptions").path(0).path("code")
                .asText("")).put("country", "AU"));
        int sent = 0;
        int accepted = 0;
        while (sent < capacity + 1) {
            Http.Exchange answer = requests.send(PlatformService.GATEWAY, "POST", "/api/awareness/campaigns/" + campaignId + "/pledges",
                    Caller.ANONYMOUS, pledge, Map.of());
            sent++;
            if (answer.status() == 429) {
                return new Pledges(sent, accepted, answer);
            }
            if (answer.status() / 100 == 2) {
                accepted++;
            }
        }
        return new Pledges(sent, accepted, null);
    }

    /**
     * Referral creation through the gateway by one caseworker of darkbali, on 4 threads until the first 429 or {@code limit}
     * requests, with a token of its own subject (minted with the realm's test key) so that no other suite shares its bucket.
     */
    Burst referralBurst(int limit) throws Exception {
        SystemPlatform platform = requests.platform();
        ObjectNode claims = Jwts.claims(platform.tokens().user(OwnedObjects.OWNER.caseworker()));
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now - 5).put("exp", now + 240).put("jti", UUID.randomUUID().toString()).put("sub", UUID.randomUUID().toString());
        claims.remove("nbf");
        String token = "Bearer " + platform.signingKey().sign(claims);
        String referral = Json.write(MassAssignment.referralDraft());
        // A new kid: the gateway fetches the realm's key set when it first meets it (concurrent first uses may be sent to
        // introspection meanwhile), so one request first, as SecurityIT's proof does. It draws from the same bucket.
        int warmUp = 0;
        for (Http.Exchange first = null; warmUp < 20 && (first == null || first.status() == 401); warmUp++) {
            if (first != null) {
                Thread.sleep(250);
            }
            first = platform.http().get(platform.url(PlatformService.GATEWAY) + "/api/referrals?box=sent&size=1",
                    Map.of("Authorization", token, "Accept", "application/json"));
        }
        long begin = System.nanoTime();
        AtomicInteger count = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicReference<Http.Exchange> firstRefusal = new AtomicReference<>();
        AtomicReference<Http.Exchange> unexpected = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                workers.add(threads.submit(() -> {
                    while (firstRefusal.get() == null && count.incrementAndGet() <= limit) {
                        Http.Exchange answer = platform.http().send("POST", platform.url(PlatformService.GATEWAY) + "/api/referrals",
                                Map.of("Authorization", token, "Content-Type", "application/json", "Accept", "application/json",
                                        "Idempotency-Key", UUID.randomUUID().toString()), referral);
                        if (answer.status() == 429) {
                            firstRefusal.compareAndSet(null, answer);
                        } else if (answer.status() == 201) {
                            created.incrementAndGet();
                        } else {
                            unexpected.compareAndSet(null, answer);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return new Burst(warmUp, created.get(), firstRefusal.get(), unexpected.get(), (System.nanoTime() - begin) / 1e9);
    }

    /**
     * What is wrong with the refusal that ended a flow: none, no 429, or a 429 not problem+json, without Retry-After or
     * from another policy. Its Retry-After goes to the figures.
     */
    static List<String> checkRefusal(Figures figures, String section, String flow, Http.Exchange refused, String policy, int capacity) {
        List<String> failures = new ArrayList<>();
        if (refused == null) {
            failures.add(flow + ": no 429 within " + (capacity + 1) + " requests or more");
            return failures;
        }
        ResponseChecks.check(refused).forEach(finding -> failures.add(flow + ": " + finding.violation() + "\n" + refused.describe()));
        if (!refused.contentType().startsWith("application/problem+json")) {
            failures.add(flow + ": the 429 is not problem+json\n" + refused.describe());
        }
        Optional<String> retryAfter = refused.header("Retry-After");
        if (retryAfter.isEmpty() || !retryAfter.get().matches("[0-9]+") || Long.parseLong(retryAfter.get()) < 1) {
            failures.add(flow + ": the 429 has no Retry-After in seconds\n" + refused.describe());
        }
        if (!refused.header("RateLimit-Policy").orElse("").contains("\"" + policy + "\"")) {
            failures.add(flow + ": the 429 does not come from the gateway's " + policy + " policy\n" + refused.describe());
        }
        figures.put(section, flow + ": 429 Retry-After (s)", retryAfter.orElse("none"));
        return failures;
    }

    /** A period as the gateway's configuration writes it: 10m, 1m, 30s, 1h (or ISO-8601). */
    static Duration period(String text) {
        String value = text.strip();
        if (value.matches("[0-9]+[smh]")) {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        return Duration.parse(value);
    }

    /** The gateway's own configuration as built (the local run sets no rate limit, so its defaults apply). */
    private static Properties gatewayConfiguration(SystemPlatform platform) {
        Path file = platform.settings().repository().resolve("gateway/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
