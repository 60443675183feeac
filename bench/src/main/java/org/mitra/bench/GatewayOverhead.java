package org.mitra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * Scenario 1: the same request direct to the service, through the gateway (rate limits lifted), through nginx as a
 * plain keep-alive reverse proxy, and through a gateway whose rate limiter runs but never refuses (the limiter's own
 * price), in one run: closed-loop throughput with wrk at 1 and 50 connections, then open-loop latency at half the
 * service's own saturation rate.
 */
final class GatewayOverhead {
    private static final Duration WARM = Duration.ofSeconds(5);
    private static final Duration THROUGHPUT = Duration.ofSeconds(5);
    private static final int ROUNDS = 3;
    private static final Duration LATENCY = Duration.ofSeconds(15);
    private static final int[] CONNECTIONS = {1, 50};
    private static final String CASEWORKER = DemoOrganization.DARKBALI.caseworker();

    private GatewayOverhead() {
    }

    record Request(String name, String service, String path, boolean authenticated) {
    }

    static void run(Rig rig) throws Exception {
        Wrk.requireInstalled();
        String directory = rig.url(PlatformService.DIRECTORY);
        String referral = rig.url(PlatformService.REFERRAL);
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("/api/directory", directory);
        routes.put("/api/referrals", referral);
        sendFiveReferrals(rig, referral);
        try (Nginx nginx = Nginx.start(rig.target().resolve("nginx"), Rig.freePort(), routes)) {
            List<Request> requests = List.of(
                    new Request("public organization profile", directory, "/api/directory/organizations/"
                            + DemoOrganization.DARKBALI.id(), false),
                    new Request("caseworker's referral list (5)", referral, "/api/referrals?box=sent&size=5", true));
            for (Request request : requests) {
                measure(rig, request, nginx.url());
            }
        }
    }

    private static void measure(Rig rig, Request request, String nginx) throws Exception {
        Map<String, String> fronts = new LinkedHashMap<>();
        fronts.put("direct", request.service());
        fronts.put("gateway", rig.gateway);
        fronts.put("nginx", nginx);
        fronts.put("gateway, limiter on", rig.limitedGateway);
        Map<String, String> headers = request.authenticated() ? rig.tokens.bearer(CASEWORKER) : Map.of();
        for (String front : fronts.values()) {
            Wrk.run("warm-up", front + request.path(), headers, 50, WARM);
        }
        StringBuilder text = new StringBuilder("Closed loop (wrk), requests/s: the median of ").append(ROUNDS)
                .append(" rounds of ").append(THROUGHPUT.toSeconds()).append(" s, the fronts taking turns within each round, so "
                        + "a neighbour's burst on this shared machine falls on all of them alike:\n\n")
                .append("| connections | ").append(String.join(" | ", fronts.keySet())).append(" |\n|---:|")
                .append("---:|".repeat(fronts.size())).append("\n");
        Map<String, Double> at50 = new LinkedHashMap<>();
        Map<String, Double> at1 = new LinkedHashMap<>();
        for (int connections : CONNECTIONS) {
            Map<String, List<Double>> rounds = new LinkedHashMap<>();
            long bad = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, String> front : fronts.entrySet()) {
                    Wrk.Throughput throughput = Wrk.run(front.getKey(), front.getValue() + request.path(), headers, connections, THROUGHPUT);
                    rounds.computeIfAbsent(front.getKey(), key -> new ArrayList<>()).add(throughput.requestsPerSecond());
                    bad += throughput.badAnswers();
                }
            }
            text.append("| ").append(connections).append(" |");
            for (Map.Entry<String, List<Double>> front : rounds.entrySet()) {
                double median = front.getValue().stream().sorted().toList().get(ROUNDS / 2);
                (connections == 1 ? at1 : at50).put(front.getKey(), median);
                text.append(' ').append(Report.format(median)).append(" |");
            }
            text.append(bad > 0 ? " " + bad + " answers were not 2xx |" : "").append("\n");
        }
        String kind = request.authenticated() ? "authenticated" : "public";
        rig.report.figure("gateway." + kind + ".direct", at50.get("direct"));
        rig.report.figure("gateway." + kind + ".gateway", at50.get("gateway"));
        int rate = (int) Math.max(10, at50.get("direct") / 2);
        List<OpenLoop.Outcome> outcomes = new ArrayList<>();
        try (OpenLoop load = new OpenLoop(50)) {
            for (Map.Entry<String, String> front : fronts.entrySet()) {
                String url = front.getValue() + request.path();
                outcomes.add(load.run(front.getKey(), rate, LATENCY, n -> OpenLoop.Call.get(url, headers)));
            }
        }
        String file = "gateway-" + (request.authenticated() ? "authenticated" : "public");
        text.append("\nOpen loop at half the service's saturation (").append(rate).append(" requests/s for ")
                .append(LATENCY.toSeconds()).append(" s, up to 50 connections):\n\n").append(rig.report.latencyTable(file, outcomes));
        OpenLoop.Outcome direct = outcomes.get(0);
        OpenLoop.Outcome gateway = outcomes.get(1);
        OpenLoop.Outcome limited = outcomes.get(3);
        String name = "1. gateway, " + request.name();
        for (int connections : CONNECTIONS) {
            Map<String, Double> rates = connections == 1 ? at1 : at50;
            double ratio = rates.get("gateway") / rates.get("direct");
            rig.report.target(name, "throughput ≥ 0.9 × direct at " + connections + " connection" + (connections == 1 ? "" : "s"),
                    String.format(Locale.ROOT, "%.2f × (%s vs %s/s)", ratio, Report.format(rates.get("gateway")),
                            Report.format(rates.get("direct"))), ratio >= 0.9);
        }
        rig.report.target(name, "throughput ≥ nginx's at 50 connections", String.format(Locale.ROOT, "%.2f × nginx (%s vs %s/s)",
                at50.get("gateway") / at50.get("nginx"), Report.format(at50.get("gateway")), Report.format(at50.get("nginx"))),
                at50.get("gateway") >= at50.get("nginx"));
        double p50Added = gateway.p50() - direct.p50();
        double p99Added = gateway.p99() - direct.p99();
        rig.report.target(name, "p50 added ≤ 1 ms at " + rate + "/s", Report.format(p50Added) + " ms", p50Added <= 1
                && gateway.errors() == 0);
        rig.report.target(name, "p99 added ≤ 5 ms at " + rate + "/s", Report.format(p99Added) + " ms", p99Added <= 5
                && gateway.errors() == 0);
        text.append(String.format(Locale.ROOT, "%nThe rate limiter's own price (a gateway whose limiter runs and never refuses, "
                        + "against the gateway without it): throughput %.2f × at 50 connections; p50 %+.2f ms, p99 %+.2f ms at %d/s.%n",
                at50.get("gateway, limiter on") / at50.get("gateway"), limited.p50() - gateway.p50(), limited.p99() - gateway.p99(), rate));
        rig.report.section("1. Gateway overhead: " + request.name(), "`GET " + request.path() + "`" + (request.authenticated()
                ? " with a caseworker's token (" + CASEWORKER + ")" : ", no token") + ".\n\n" + text);
    }

    /** The caseworker's organization sends five referrals, so the list has five to show. */
    private static void sendFiveReferrals(Rig rig, String referral) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(rig.tokens.bearer(CASEWORKER));
        headers.put("Content-Type", "application/json");
        try (OpenLoop load = new OpenLoop(1)) {
            OpenLoop.Outcome outcome = load.run("five referrals", 5, Duration.ofSeconds(1), n -> new OpenLoop.Call(
                    io.vertx.core.http.HttpMethod.POST, referral + "/api/referrals",
                    withKey(headers), ReferralBodies.named(DemoOrganization.TRAFFIC_LIGHTS.id(), false), 201));
            if (outcome.errors() > 0) {
                throw new IllegalStateException("Could not send the five referrals: " + outcome.firstError());
            }
        }
    }

    static Map<String, String> withKey(Map<String, String> headers) {
        Map<String, String> keyed = new LinkedHashMap<>(headers);
        keyed.put("Idempotency-Key", UUID.randomUUID().toString());
        return keyed;
    }
}
