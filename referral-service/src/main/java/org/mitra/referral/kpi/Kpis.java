package org.mitra.referral.kpi;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.referral.directory.DirectoryOrganization;
import org.mitra.referral.lifecycle.ReferralStateMachine;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.lifecycle.ServiceOutcome;
import org.mitra.referral.lifecycle.Side;
import org.mitra.referral.overdue.Deadlines;
import org.mitra.referral.referral.Referral;
import org.mitra.web.Caller;
import org.mitra.web.Roles;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.InvalidRequestException;

/**
 * Computes the referral KPIs: per period, organization, category or region, from the referrals submitted in the period
 * and their history. Exact, for coalition admins (every organization) and an organization's admins (the referrals it
 * sent or received); aggregates only. The published counterpart is the statistics feed, under disclosure control.
 */
@ApplicationScoped
public class Kpis {
    /** The longest period one report counts. */
    static final int MAX_DAYS = 3 * 366;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** How the rows are grouped. */
    enum GroupBy {
        ORGANIZATION, CATEGORY, REGION, MONTH;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<GroupBy> of(String code) {
            for (GroupBy groupBy : values()) {
                if (groupBy.code().equals(code)) {
                    return Optional.of(groupBy);
                }
            }
            return Optional.empty();
        }
    }

    @Inject
    Caller caller;

    @Inject
    Deadlines deadlines;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    /** One referral as the KPIs count it: no person, no note, no id in any answer. */
    record Counted(UUID sender, UUID receiver, boolean external, String category, String region, Instant requestedAt,
            ReferralStatus status, Instant closedAt, ServiceOutcome outcome, boolean forwarded, Instant acceptedAt,
            String closingReason) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public KpiReport report(String fromText, String toText, String groupByText) {
        Optional<UUID> scope = scope();
        ZoneId zone = deadlines.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = date("to", toText).orElse(today);
        LocalDate from = date("from", fromText).orElse(to.minusMonths(11).withDayOfMonth(1));
        if (from.isAfter(to)) {
            throw InvalidRequestException.of("from", MESSAGES.text("field.from-after-to"));
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() > MAX_DAYS) {
            throw InvalidRequestException.of("from", MESSAGES.text("field.kpi-range", MAX_DAYS));
        }
        GroupBy groupBy = groupByText == null ? GroupBy.ORGANIZATION : GroupBy.of(groupByText).orElseThrow(() ->
                InvalidRequestException.of("groupBy", MESSAGES.text("field.group-by")));
        List<Counted> counted = load(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), scope);
        Instant now = clock.instant();
        List<KpiReport.Row> rows = rows(counted, groupBy, scope, zone, now);
        return new KpiReport(from, to, groupBy.code(), scope.orElse(null), now, metrics(counted, now), rows);
    }

    /** Every organization for a coalition admin, the caller's own for its admins; 403 for anyone else. */
    private Optional<UUID> scope() {
        if (caller.hasRole(Roles.ORG_ADMIN) && caller.staffOrganization().isPresent()) {
            return Optional.of(caller.verifiedStaffOrganization());
        }
        if (caller.hasRole(Roles.COALITION_ADMIN) && caller.staffOrganization().isEmpty()) {
            return Optional.empty();
        }
        throw new AccessDeniedException(MESSAGES.text("kpi.denied"));
    }

    /** A day from 2000 to next year: Mitra holds no referral before, and none after today. */
    private Optional<LocalDate> date(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, MESSAGES.text("field.date"));
        }
        LocalDate latest = LocalDate.now(clock.withZone(deadlines.zone())).plusYears(1);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw InvalidRequestException.of(field, MESSAGES.text("field.day-range", EARLIEST, latest));
        }
        return Optional.of(date);
    }

    private static List<Counted> load(Instant from, Instant until, Optional<UUID> scope) {
        String where = "r.requestedAt >= :from and r.requestedAt < :until and r.status <> :error"
                + (scope.isPresent() ? " and (r.sendingOrganizationId = :own or r.receivingOrganizationId = :own)" : "");
        var em = Referral.getEntityManager();
        var referrals = em.createQuery("select r from Referral r where " + where, Referral.class)
                .setParameter("from", from).setParameter("until", until).setParameter("error", ReferralStatus.ENTERED_IN_ERROR);
        var steps = em.createQuery("select h.referralId, h.toStatus, h.reasonCode, h.occurredAt from HistoryEntry h, Referral r "
                + "where h.referralId = r.id and h.fromStatus <> h.toStatus and h.toStatus in (:accepted, :rejected, :cancelled) and "
                + where + " order by h.occurredAt", Tuple.class)
                .setParameter("accepted", ReferralStatus.ACCEPTED).setParameter("rejected", ReferralStatus.REJECTED)
                .setParameter("cancelled", ReferralStatus.CANCELLED)
                .setParameter("from", from).setParameter("until", until).setParameter("error", ReferralStatus.ENTERED_IN_ERROR);
        scope.ifPresent(own -> {
            referrals.setParameter("own", own);
            steps.setParameter("own", own);
        });
        Map<UUID, Instant> accepted = new HashMap<>();
        Map<UUID, String> closingReason = new HashMap<>();
        for (Tuple step : steps.getResultList()) {
            UUID id = step.get(0, UUID.class);
            ReferralStatus status = step.get(1, ReferralStatus.class);
            if (status == ReferralStatus.ACCEPTED) {
                accepted.putIfAbsent(id, step.get(3, Instant.class));
            } else {
                closingReason.put(id, step.get(2, String.class));
            }
        }
        return referrals.getResultList().stream().map(referral -> new Counted(referral.sendingOrganizationId,
                referral.receivingOrganizationId, referral.isExternal(), referral.categoryCode, referral.regionCode,
                referral.requestedAt, referral.status, referral.closedAt, referral.outcome,
                // Where a referral went on is its sender's to know: a receiver's admin never counts it.
                referral.forwardedToId != null && scope.map(referral.sendingOrganizationId::equals).orElse(true),
                accepted.get(referral.id), closingReason.get(referral.id))).toList();
    }

    private static List<KpiReport.Row> rows(List<Counted> counted, GroupBy groupBy, Optional<UUID> scope, ZoneId zone,
            Instant now) {
        List<KpiReport.Row> rows = new ArrayList<>();
        switch (groupBy) {
            case ORGANIZATION -> {
                Map<UUID, String> names = DirectoryOrganization.<DirectoryOrganization>listAll().stream()
                        .collect(Collectors.toMap(organization -> organization.id, organization -> organization.name));
                Map<UUID, List<Counted>> sent = grouped(counted, Counted::sender);
                Map<UUID, List<Counted>> received = grouped(counted.stream().filter(each -> each.receiver() != null).toList(),
                        Counted::receiver);
                List<UUID> organizations = new ArrayList<>(scope.map(List::of).orElseGet(() -> {
                    List<UUID> all = new ArrayList<>(sent.keySet());
                    received.keySet().stream().filter(id -> !sent.containsKey(id)).forEach(all::add);
                    return all;
                }));
                organizations.sort(Comparator.comparing((UUID id) -> names.getOrDefault(id, "")).thenComparing(UUID::toString));
                for (UUID organization : organizations) {
                    String name = names.get(organization);
                    rows.add(new KpiReport.Row(organization, name, Side.SENDER, null, null, null,
                            metrics(sent.getOrDefault(organization, List.of()), now)));
                    rows.add(new KpiReport.Row(organization, name, Side.RECEIVER, null, null, null,
                            metrics(received.getOrDefault(organization, List.of()), now)));
                }
            }
            case CATEGORY -> grouped(counted, Counted::category).forEach((category, group) ->
                    rows.add(new KpiReport.Row(null, null, null, category, null, null, metrics(group, now))));
            case REGION -> grouped(counted, Counted::region).forEach((region, group) ->
                    rows.add(new KpiReport.Row(null, null, null, null, region, null, metrics(group, now))));
            case MONTH -> grouped(counted, each -> YearMonth.from(each.requestedAt().atZone(zone)).toString())
                    .forEach((month, group) -> rows.add(new KpiReport.Row(null, null, null, null, null, month, metrics(group, now))));
        }
        return rows;
    }

    /** Groups in the order of their keys (sorted when they are comparable text). */
    private static <K> Map<K, List<Counted>> grouped(List<Counted> counted, Function<Counted, K> key) {
        Map<K, List<Counted>> groups = counted.stream().findFirst().map(first -> key.apply(first) instanceof String)
                .orElse(false) ? new TreeMap<>() : new LinkedHashMap<>();
        for (Counted each : counted) {
            groups.computeIfAbsent(key.apply(each), ignored -> new ArrayList<>()).add(each);
        }
        return groups;
    }

    static KpiReport.Metrics metrics(List<Counted> counted, Instant now) {
        long accepted = counted.stream().filter(each -> each.acceptedAt() != null).count();
        long rejected = counted.stream().filter(each -> each.status() == ReferralStatus.REJECTED).count();
        List<Double> toAccept = counted.stream().filter(each -> each.acceptedAt() != null)
                .map(each -> hours(each.requestedAt(), each.acceptedAt())).toList();
        List<Counted> completed = counted.stream().filter(each -> each.status() == ReferralStatus.COMPLETED).toList();
        List<Double> toComplete = completed.stream().filter(each -> each.closedAt() != null)
                .map(each -> hours(each.requestedAt(), each.closedAt())).toList();
        Map<ServiceOutcome, Long> outcomes = new EnumMap<>(ServiceOutcome.class);
        completed.stream().filter(each -> each.outcome() != null).forEach(each -> outcomes.merge(each.outcome(), 1L, Long::sum));
        long withOutcome = outcomes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> rejections = new TreeMap<>();
        counted.stream().filter(each -> each.status() == ReferralStatus.REJECTED)
                .forEach(each -> rejections.merge(each.closingReason() == null ? "NONE" : each.closingReason(), 1L, Long::sum));
        long expired = counted.stream().filter(each -> each.status() == ReferralStatus.CANCELLED
                && ReferralWorkflow.EXPIRED.equals(each.closingReason())).count();
        long[] ages = new long[4];
        counted.stream().filter(each -> ReferralStateMachine.isOpen(each.status())).forEach(each -> {
            long days = Duration.between(each.requestedAt(), now).toDays();
            ages[days < 1 ? 0 : days < 7 ? 1 : days < 30 ? 2 : 3]++;
        });
        return new KpiReport.Metrics(counted.size(), counted.stream().filter(Counted::external).count(), accepted, rejected,
                accepted + rejected == 0 ? null : round((double) accepted / (accepted + rejected)),
                summary(toAccept), summary(toComplete), completed.size(),
                withOutcome == 0 ? null : round((double) outcomes.getOrDefault(ServiceOutcome.GOT_HELP, 0L) / withOutcome),
                outcomes, rejections, expired, counted.stream().filter(Counted::forwarded).count(),
                new KpiReport.OpenByAge(ages[0], ages[1], ages[2], ages[3]));
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    /** The median and 90th percentile by nearest rank, in hours to one decimal. */
    static KpiReport.Hours summary(List<Double> hours) {
        if (hours.isEmpty()) {
            return new KpiReport.Hours(null, null, 0);
        }
        List<Double> sorted = hours.stream().sorted().toList();
        return new KpiReport.Hours(tenth(percentile(sorted, 50)), tenth(percentile(sorted, 90)), sorted.size());
    }

    /** Nearest rank: the smallest value with at least p percent of the values at or below it. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 1000.0;
    }
}
