package org.mitra.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void quartersAndMonthsParsePrintAndBound() {
        Period quarter = Period.parse("2026-Q4").orElseThrow();
        assertThat(quarter.start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(quarter.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(quarter.next()).hasToString("2027-Q1");
        Period month = Period.parse("2026-02").orElseThrow();
        assertThat(month.end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(month).hasToString("2026-02");
    }

    @Test
    void nothingFinerThanAMonthOrMalformedIsAPeriod() {
        assertThat(Period.parse("2026-11-24")).isEmpty();
        assertThat(Period.parse("2026-Q5")).isEmpty();
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(Period.parse("last week")).isEmpty();
    }

    @Test
    void anInstantBelongsToExactlyOnePeriod() {
        Instant instant = Instant.parse("2026-11-24T16:00:00Z");
        assertThat(Period.containing(instant, Period.Granularity.QUARTER)).hasToString("2026-Q4");
        assertThat(Period.containing(instant, Period.Granularity.MONTH)).hasToString("2026-11");
        assertThat(Period.containing(instant, Period.Granularity.MONTH).contains(instant)).isTrue();
        assertThat(Period.range(Period.parse("2026-Q3").orElseThrow(), Period.parse("2027-Q1").orElseThrow()))
                .extracting(Period::toString).containsExactly("2026-Q3", "2026-Q4", "2027-Q1");
    }
}
