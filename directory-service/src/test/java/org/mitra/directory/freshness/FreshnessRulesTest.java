package org.mitra.directory.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The thresholds' arithmetic, without a database: calendar months in UTC, the worst status wins, every reason named. */
class FreshnessRulesTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static FreshnessRules rules(Period capacityDue, Period detailsOverdue, Period detailsStale) {
        FreshnessRules rules = new FreshnessRules();
        rules.config = new FreshnessConfig() {
            @Override
            public Period capacityDue() {
                return capacityDue;
            }

            @Override
            public Period detailsOverdue() {
                return detailsOverdue;
            }

            @Override
            public Period detailsStale() {
                return detailsStale;
            }
        };
        rules.check();
        return rules;
    }

    final FreshnessRules defaults = rules(Period.ofDays(7), Period.ofMonths(6), Period.ofMonths(12));

    Freshness at(String detailsConfirmedAt, String capacityUpdatedAt) {
        return FreshnessRules.of(Instant.parse(detailsConfirmedAt),
                capacityUpdatedAt == null ? null : Instant.parse(capacityUpdatedAt), defaults.cutoffs(NOW));
    }

    @Test
    void theDefaultThresholdsCountCalendarDaysAndMonthsInUtc() {
        assertThat(defaults.cutoffs(NOW)).isEqualTo(new FreshnessRules.Cutoffs(NOW, Instant.parse("2026-11-26T12:00:00Z"),
                Instant.parse("2026-06-03T12:00:00Z"), Instant.parse("2025-12-03T12:00:00Z")));
    }

    @Test
    void eachThresholdIsCrossedOnlyWhenPassed() {
        assertThat(at("2026-06-03T12:00:00Z", "2026-11-26T12:00:00Z").status()).as("exactly at both thresholds").isEqualTo(FreshnessStatus.FRESH);
        assertThat(at("2026-06-03T12:00:00Z", "2026-11-26T11:59:59Z").reasons()).containsExactly(FreshnessReason.CAPACITY_DUE);
        assertThat(at("2026-06-03T11:59:59Z", "2026-12-01T00:00:00Z").reasons()).containsExactly(FreshnessReason.DETAILS_OVERDUE);
        assertThat(at("2025-12-03T12:00:00Z", "2026-12-01T00:00:00Z").status()).isEqualTo(FreshnessStatus.OVERDUE);
        assertThat(at("2025-12-03T11:59:59Z", "2026-12-01T00:00:00Z").reasons()).containsExactly(FreshnessReason.DETAILS_STALE);
    }

    @Test
    void theStatusIsTheWorstOfDetailsAndCapacityWithEveryReason() {
        Freshness fresh = at("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
        assertThat(fresh.status()).isEqualTo(FreshnessStatus.FRESH);
        assertThat(fresh.reasons()).isEmpty();
        assertThat(at("2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z").status()).isEqualTo(FreshnessStatus.DUE);
        Freshness overdue = at("2026-03-01T00:00:00Z", "2026-11-01T00:00:00Z");
        assertThat(overdue.status()).isEqualTo(FreshnessStatus.OVERDUE);
        assertThat(overdue.reasons()).containsExactly(FreshnessReason.DETAILS_OVERDUE, FreshnessReason.CAPACITY_DUE);
        Freshness stale = at("2025-01-01T00:00:00Z", "2026-11-01T00:00:00Z");
        assertThat(stale.status()).isEqualTo(FreshnessStatus.STALE);
        assertThat(stale.reasons()).containsExactly(FreshnessReason.DETAILS_STALE, FreshnessReason.CAPACITY_DUE);
        assertThat(stale.detailsConfirmedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(stale.capacityUpdatedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aServiceReportingNoCapacityIsJudgedByItsDetailsAlone() {
        Freshness fresh = at("2026-12-01T00:00:00Z", null);
        assertThat(fresh.status()).isEqualTo(FreshnessStatus.FRESH);
        assertThat(fresh.capacityUpdatedAt()).isNull();
        assertThat(at("2025-01-01T00:00:00Z", null).reasons()).containsExactly(FreshnessReason.DETAILS_STALE);
    }

    @Test
    void otherThresholdsAreHonoured() {
        FreshnessRules strict = rules(Period.ofDays(1), Period.ofMonths(1), Period.ofMonths(2));
        Freshness freshness = FreshnessRules.of(Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                strict.cutoffs(NOW));
        assertThat(freshness.status()).isEqualTo(FreshnessStatus.OVERDUE);
        assertThat(freshness.reasons()).containsExactly(FreshnessReason.DETAILS_OVERDUE, FreshnessReason.CAPACITY_DUE);
        assertThat(at("2026-10-15T00:00:00Z", "2026-12-01T00:00:00Z").status()).as("the same times by the defaults")
                .isEqualTo(FreshnessStatus.FRESH);
    }

    @Test
    void thresholdsThatMakeNoSenseStopTheService() {
        assertThatThrownBy(() -> rules(Period.ZERO, Period.ofMonths(6), Period.ofMonths(12)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> rules(Period.ofDays(7), Period.ofMonths(-6), Period.ofMonths(12)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> rules(Period.ofDays(7), Period.ofMonths(12), Period.ofMonths(12)))
                .hasMessageContaining("details-stale");
        assertThatThrownBy(() -> rules(Period.ofDays(7), Period.ofYears(1), Period.ofMonths(6)))
                .hasMessageContaining("details-stale");
    }
}
