package org.mitra.directory.freshness;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.mitra.directory.services.Capacity;
import org.mitra.directory.services.Service;

/**
 * Decides how current a service is from two times: when its details were last edited or confirmed, and when its
 * capacity was last reported. Details older than details-overdue are OVERDUE, older than details-stale STALE; a
 * capacity older than capacity-due is DUE; a service that reports no capacity is judged by its details alone. The
 * service's status is the worst of the two. Checked at start: a threshold that is not positive, or a stale threshold
 * not beyond the overdue one, stops the service.
 */
@Startup
@ApplicationScoped
public class FreshnessRules {
    @Inject
    FreshnessConfig config;

    /** The instants before which each threshold is passed, as seen at {@code at}. */
    public record Cutoffs(Instant at, Instant capacityDueBefore, Instant detailsOverdueBefore, Instant detailsStaleBefore) {
    }

    @PostConstruct
    void check() {
        check(config.capacityDue(), config.detailsOverdue(), config.detailsStale());
    }

    static void check(Period capacityDue, Period detailsOverdue, Period detailsStale) {
        Instant reference = Instant.parse("2000-01-01T00:00:00Z");
        for (Period period : List.of(capacityDue, detailsOverdue, detailsStale)) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalStateException("mitra.directory.freshness thresholds must be positive periods, got " + period);
            }
        }
        if (!before(reference, detailsStale).isBefore(before(reference, detailsOverdue))) {
            throw new IllegalStateException("mitra.directory.freshness.details-stale (" + detailsStale
                    + ") must be longer than details-overdue (" + detailsOverdue + ")");
        }
    }

    public Cutoffs cutoffs(Instant at) {
        return new Cutoffs(at, before(at, config.capacityDue()), before(at, config.detailsOverdue()),
                before(at, config.detailsStale()));
    }

    public Freshness of(Service service, Instant at) {
        return of(service, cutoffs(at));
    }

    public Freshness of(Service service, Cutoffs cutoffs) {
        return of(service.detailsConfirmedAt, capacityUpdatedAt(service), cutoffs);
    }

    /** The capacity's report time, or null when the service reports no capacity (as the service's view shows it). */
    public static Instant capacityUpdatedAt(Service service) {
        Capacity capacity = service.capacity;
        return capacity == null || capacity.status == null && capacity.maximum == null ? null : capacity.updatedAt;
    }

    static Freshness of(Instant detailsConfirmedAt, Instant capacityUpdatedAt, Cutoffs cutoffs) {
        List<FreshnessReason> reasons = new ArrayList<>();
        FreshnessStatus status = FreshnessStatus.FRESH;
        if (detailsConfirmedAt != null && detailsConfirmedAt.isBefore(cutoffs.detailsStaleBefore())) {
            reasons.add(FreshnessReason.DETAILS_STALE);
            status = FreshnessStatus.STALE;
        } else if (detailsConfirmedAt != null && detailsConfirmedAt.isBefore(cutoffs.detailsOverdueBefore())) {
            reasons.add(FreshnessReason.DETAILS_OVERDUE);
            status = FreshnessStatus.OVERDUE;
        }
        if (capacityUpdatedAt != null && capacityUpdatedAt.isBefore(cutoffs.capacityDueBefore())) {
            reasons.add(FreshnessReason.CAPACITY_DUE);
            status = status.worse(FreshnessStatus.DUE);
        }
        return new Freshness(status, detailsConfirmedAt, capacityUpdatedAt, reasons);
    }

    private static Instant before(Instant at, Period period) {
        return at.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }
}
