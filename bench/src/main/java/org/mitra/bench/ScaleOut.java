package org.mitra.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Scenario 6, on paper: what a national deployment needs, reasoned from this run's figures and the load of a
 * national coalition. The assumptions are written out with the result, so a reader can redo the sums for another
 * country. Each figure used is named; one this run did not measure is said to be missing, not guessed.
 */
final class ScaleOut {
    /** Indonesia: around a million referrals a year. */
    static final double REFERRALS_PER_YEAR = 1_000_000;
    /** The busiest hour carries this many times the year's average rate. */
    static final double PEAK_FACTOR = 20;
    /** Status events per referral over its life (requested, accepted, completed, and an overdue now and then). */
    static final double EVENTS_PER_REFERRAL = 4;
    /** Directory reads at the busiest hour: ~10,000 organizations' staff and partner apps searching and polling. */
    static final double PEAK_DIRECTORY_READS = 300;
    /** Referral reads (lists, details) per referral written, by sender, receiver and their apps. */
    static final double READS_PER_WRITE = 30;
    /** A replica is planned to run at no more than this share of the capacity measured here. */
    static final double HEADROOM = 0.5;
    /** Replicas kept for availability (a node lost, a rolling update) whatever the load. */
    static final int MINIMUM_REPLICAS = 2;

    private ScaleOut() {
    }

    static void write(Report report) {
        double averageWrites = REFERRALS_PER_YEAR / (365 * 24 * 3600.0);
        double peakWrites = averageWrites * PEAK_FACTOR;
        double peakEvents = peakWrites * EVENTS_PER_REFERRAL;
        double peakReferralReads = peakWrites * READS_PER_WRITE;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                Assumptions (national coalition, Indonesia): %,.0f referrals a year, %.2f/s on average and %.1f/s in the busiest
                hour (%.0f × the average); %.0f status events per referral, so %.1f events/s at the peak; %.0f directory reads/s
                at the peak (about 10,000 organizations' staff and partner apps); %.0f referral reads per referral written
                (%.0f/s at the peak). A replica is planned at %.0f %% of the capacity measured here on %d cores shared with
                PostgreSQL, Kafka and Keycloak (a dedicated node does better, so these counts err high), and never fewer than
                %d replicas.

                """, REFERRALS_PER_YEAR, averageWrites, peakWrites, PEAK_FACTOR, EVENTS_PER_REFERRAL, peakEvents,
                PEAK_DIRECTORY_READS, READS_PER_WRITE, peakReferralReads, HEADROOM * 100,
                Runtime.getRuntime().availableProcessors(), MINIMUM_REPLICAS));
        text.append("| part | figure from this run | need at the peak | replicas |\n|---|---|---:|---:|\n");
        java.util.Map<String, Double> load = new java.util.LinkedHashMap<>();
        load.put("directory-service", row(text, "directory-service", min(report, "directory.capacity.", 5),
                "slowest search's capacity", PEAK_DIRECTORY_READS));
        load.put("referral-service (reads)", row(text, "referral-service (reads)", report.figure("gateway.authenticated.direct"),
                "referral list capacity", peakReferralReads));
        load.put("referral-service (writes)", row(text, "referral-service (writes)", report.figure("writes.sustained"),
                "creates/s held at p99 ≤ 100 ms", peakWrites));
        load.put("gateway", row(text, "gateway", report.figure("gateway.authenticated.gateway"),
                "authenticated requests/s through it", PEAK_DIRECTORY_READS + peakReferralReads));
        text.append(String.format(Locale.ROOT, """

                **Kafka.** %.1f events/s at the peak is far below one partition's capacity; partitions are sized for the
                consumers' parallelism and ordering per key instead: 3 per topic (one per broker, each consumer replica
                takes one), replication 3, `min.insync.replicas=2`. Event latency p99 in this run: %s ms.

                """, peakEvents, report.figure("events.p99").stream().mapToObj(Report::format).findFirst().orElse("not measured")));
        OptionalDouble bytes = report.figure("writes.bytes-per-referral");
        text.append(bytes.isPresent() ? String.format(Locale.ROOT, """
                **PostgreSQL.** %.1f kB per referral measured (tables, indexes, audit, vault, before the outbox and
                idempotency records are pruned), so %.1f GB a year at %,.0f referrals; with indexes' growth and WAL,
                plan %.0f GB for the referral cluster's first year and the key store's share within it. The directory's
                100,000 services fit in well under 1 GB; the first limit there is CPU per query, not size.

                """, bytes.getAsDouble() / 1024, bytes.getAsDouble() * REFERRALS_PER_YEAR / 1e9, REFERRALS_PER_YEAR,
                Math.ceil(bytes.getAsDouble() * REFERRALS_PER_YEAR / 1e9 * 2)) : "**PostgreSQL.** Size per referral not measured in this run.\n\n");
        text.append("**Kubernetes requests and limits.** Memory request = resident after load rounded up to 64 MB, limit "
                + "1.5 × that; the figures:\n\n| service | resident after load | request | limit |\n|---|---:|---:|---:|\n");
        for (String name : new String[] {"directory-service", "referral-service", "awareness-service", "gateway"}) {
            OptionalDouble resident = report.figure("footprint." + name + ".resident");
            if (resident.isPresent()) {
                long request = (long) Math.ceil(resident.getAsDouble() / 64) * 64;
                text.append(String.format(Locale.ROOT, "| %s | %.0f MB | %d Mi | %d Mi |%n", name, resident.getAsDouble(), request,
                        request * 3 / 2));
            } else {
                text.append("| ").append(name).append(" | not measured | | |\n");
            }
        }
        load.entrySet().stream().filter(part -> part.getValue() > 0).max(java.util.Map.Entry.comparingByValue())
                .ifPresent(first -> text.append(String.format(Locale.ROOT, "%n**First bottleneck.** %s: the national peak is "
                        + "%.2f × what one replica served here; it is the first part to need more replicas as the load grows, "
                        + "and behind it the database those replicas share.%n", first.getKey(), first.getValue())));
        report.section("6. Scale-out on paper", text.toString());
    }

    /** The row of one part; what share of one replica's measured capacity the peak needs (0 when not measured). */
    private static double row(StringBuilder text, String part, OptionalDouble capacity, String what, double need) {
        if (capacity.isEmpty() || capacity.getAsDouble() <= 0) {
            text.append(String.format(Locale.ROOT, "| %s | %s: not measured | %.1f/s | |%n", part, what, need));
            return 0;
        }
        int replicas = Math.max(MINIMUM_REPLICAS, (int) Math.ceil(need / (capacity.getAsDouble() * HEADROOM)));
        text.append(String.format(Locale.ROOT, "| %s | %s: %s/s | %.1f/s | %d |%n", part, what, Report.format(capacity.getAsDouble()),
                need, replicas));
        return need / capacity.getAsDouble();
    }

    private static OptionalDouble min(Report report, String prefix, int count) {
        OptionalDouble lowest = OptionalDouble.empty();
        for (int i = 0; i < count; i++) {
            OptionalDouble value = report.figure(prefix + i);
            if (value.isPresent() && (lowest.isEmpty() || value.getAsDouble() < lowest.getAsDouble())) {
                lowest = value;
            }
        }
        return lowest;
    }
}
