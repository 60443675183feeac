package org.mitra.referral.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
    private static final ZoneId BALI = ZoneId.of("Asia/Makassar");

    @Test
    void twoBusinessDaysFromTuesdayIsThursday() {
        // Tuesday 2026-05-05 10:00 WITA
        assertThat(Deadlines.addBusinessDays(Instant.parse("2026-05-05T02:00:00Z"), 2, BALI))
                .isEqualTo(Instant.parse("2026-05-07T02:00:00Z"));
    }

    @Test
    void aWeekendDoesNotCount() {
        // Friday 2026-05-08 10:00 WITA -> Tuesday 2026-05-12 10:00 WITA
        assertThat(Deadlines.addBusinessDays(Instant.parse("2026-05-08T02:00:00Z"), 2, BALI))
                .isEqualTo(Instant.parse("2026-05-12T02:00:00Z"));
        // Saturday -> Tuesday
        assertThat(Deadlines.addBusinessDays(Instant.parse("2026-05-09T02:00:00Z"), 2, BALI))
                .isEqualTo(Instant.parse("2026-05-12T02:00:00Z"));
    }

    @Test
    void daysAreCountedInTheCoalitionsTimeZone() {
        // Friday 23:30 UTC is already Saturday 07:30 in Bali: two business days later is Tuesday 07:30 WITA.
        assertThat(Deadlines.addBusinessDays(Instant.parse("2026-05-08T23:30:00Z"), 2, BALI))
                .isEqualTo(Instant.parse("2026-05-11T23:30:00Z"));
    }
}
