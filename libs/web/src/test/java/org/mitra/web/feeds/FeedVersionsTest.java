package org.mitra.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.web.feeds.FeedVersions.Generated;
import org.mitra.web.feeds.FeedVersions.Snapshot;

/**
 * A closed period's published table is a snapshot taken at most once a day, so a late change to one record shows
 * only in the next day's snapshot; Last-Modified and the since cursor follow what it publishes, not when it was taken.
 */
@QuarkusTest
class FeedVersionsTest {
    private static final String TABLE = "visits_feed_version";
    private static final Period MARCH = Period.parse("2025-03").orElseThrow();
    private static final Instant FIRST = Instant.parse("2025-04-02T08:00:00Z");

    @Inject
    FeedVersions versions;

    @Inject
    AgroalDataSource database;

    private final AtomicInteger generated = new AtomicInteger();

    @BeforeEach
    void forgetEveryVersion() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + TABLE);
        }
    }

    @Test
    void aChangeToTheRecordsShowsOnlyInTheNextDaysSnapshot() {
        Snapshot first = snapshot(MARCH, 15, FIRST);
        assertThat(first.table().rows()).containsExactly(List.of(15L, "Denpasar, Bali"));
        assertThat(first.table().lastModified()).isEqualTo(FIRST);

        Instant anHourLater = FIRST.plus(Duration.ofHours(1));
        Snapshot sameDay = snapshot(MARCH, 20, anHourLater);
        assertThat(sameDay.table().csv()).as("a late change within the day").isEqualTo(first.table().csv());
        assertThat(sameDay.table().lastModified()).isEqualTo(FIRST);
        assertThat(sameDay.table().generatedAt()).as("when the figures were taken").isEqualTo(FIRST);
        assertThat(sameDay.table().contentHash()).isEqualTo(first.table().contentHash());

        Instant nextDay = FIRST.plus(FeedVersions.REFRESH).plusSeconds(1);
        Snapshot refreshed = snapshot(MARCH, 20, nextDay);
        assertThat(refreshed.table().rows()).containsExactly(List.of(20L, "Denpasar, Bali"));
        assertThat(refreshed.table().lastModified()).isEqualTo(nextDay);
        assertThat(generated).as("generated once per snapshot, not per pull").hasValue(2);
    }

    @Test
    void aNewSnapshotWithTheSameFiguresKeepsItsDate() {
        snapshot(MARCH, 15, FIRST);
        Instant nextDay = FIRST.plus(FeedVersions.REFRESH).plusSeconds(1);
        Snapshot again = snapshot(MARCH, 15, nextDay);
        assertThat(again.table().lastModified()).isEqualTo(FIRST);
        assertThat(again.table().generatedAt()).isEqualTo(nextDay);
        assertThat(QuarkusTransaction.requiringNew().call(() -> versions.all(TABLE))).containsEntry("2025-03", FIRST);
    }

    @Test
    void aPeriodThatNeverCountedAnythingIsDatedByItsStartAndRemembersOnceItHadFigures() {
        Snapshot empty = snapshot(MARCH, 0, FIRST);
        assertThat(empty.empty()).isTrue();
        assertThat(empty.hadFigures()).isFalse();
        assertThat(empty.table().lastModified()).isEqualTo(MARCH.start());

        Instant nextDay = FIRST.plus(FeedVersions.REFRESH).plusSeconds(1);
        assertThat(snapshot(MARCH, 5, nextDay).hadFigures()).isTrue();
        Instant dayAfter = nextDay.plus(FeedVersions.REFRESH).plusSeconds(1);
        Snapshot emptyAgain = snapshot(MARCH, 0, dayAfter);
        assertThat(emptyAgain.empty()).isTrue();
        assertThat(emptyAgain.hadFigures()).as("a period that had figures stays listed").isTrue();
        assertThat(emptyAgain.table().lastModified()).isEqualTo(dayAfter);
    }

    @Test
    void onlyATableNameIsAccepted() {
        assertThatThrownBy(() -> versions.changedAt("visits_feed_version; DROP TABLE x", MARCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Snapshot snapshot(Period period, long visits, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> versions.snapshot(TABLE, period, () -> {
            generated.incrementAndGet();
            return new Generated(visits(period, visits, now), visits == 0);
        }, now));
    }

    private static FeedTable visits(Period period, long visits, Instant generatedAt) {
        return new FeedTable("Visits", period.toString(), generatedAt, generatedAt, 11, 5, FeedTable.LICENCE,
                List.of(new FeedColumn("visits", "#reached", "Visits"), new FeedColumn("place", "#loc", "Where")),
                List.of(Arrays.asList(visits, "Denpasar, Bali")));
    }
}
