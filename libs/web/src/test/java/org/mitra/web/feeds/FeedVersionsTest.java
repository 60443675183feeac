package org.mitra.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;

/** Last-Modified and the since cursor follow what a feed publishes, not when it was generated. */
@QuarkusTest
class FeedVersionsTest {
    private static final String TABLE = "visits_feed_version";

    @Inject
    FeedVersions versions;

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void forgetEveryVersion() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + TABLE);
        }
    }

    @Test
    void aPeriodChangesOnlyWhenItsPublishedContentChanges() {
        Period period = Period.parse("2025-03").orElseThrow();
        Instant first = Instant.parse("2025-03-10T08:00:00Z");
        Instant later = Instant.parse("2025-03-20T08:00:00Z");
        assertThat(record(period, visits(15, first), first)).isEqualTo(first);
        assertThat(record(period, visits(15, later), later)).as("generated again, same figures").isEqualTo(first);
        assertThat(record(period, visits(20, later), later)).as("new figures").isEqualTo(later);
        assertThat(QuarkusTransaction.requiringNew().call(() -> versions.all(TABLE))).containsEntry("2025-03", later);
    }

    @Test
    void aPastPeriodThatNeverHadFiguresIsDatedByItsStartAndNotRemembered() {
        Period past = Period.parse("2024-02").orElseThrow();
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        FeedTable published = QuarkusTransaction.requiringNew()
                .call(() -> versions.published(TABLE, past, visits(0, now), true, now));
        assertThat(published.lastModified()).isEqualTo(past.start());
        assertThat(QuarkusTransaction.requiringNew().call(() -> versions.changedAt(TABLE, past))).isEmpty();

        Period current = Period.containing(now, Period.Granularity.MONTH);
        FeedTable currentTable = QuarkusTransaction.requiringNew()
                .call(() -> versions.published(TABLE, current, visits(0, now), true, now));
        assertThat(currentTable.lastModified()).as("the current period is always versioned").isEqualTo(now);
    }

    @Test
    void onlyATableNameIsAccepted() {
        assertThatThrownBy(() -> versions.changedAt("visits_feed_version; DROP TABLE x", Period.parse("2025-03").orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Instant record(Period period, FeedTable table, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> versions.record(TABLE, period, table, now));
    }

    private static FeedTable visits(long visits, Instant generatedAt) {
        return new FeedTable("Visits", "2025-03", generatedAt, generatedAt, 11, 5, FeedTable.LICENCE,
                List.of(new FeedColumn("visits", "#reached", "Visits")), List.of(Arrays.asList(visits)));
    }
}
