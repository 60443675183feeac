package org.mitra.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;

/**
 * Which periods every feed lists and serves: the closed ones from its first records on, those that never had figures
 * left out but the last closed one, each dated by its snapshot of the day; the open one never.
 */
@QuarkusTest
class FeedPeriodsTest {
    private static final String TABLE = "visits_feed_version";
    private static final Instant NOW = Instant.parse("2025-04-02T08:00:00Z");
    private static final Period JANUARY = month("2025-01");
    private static final Period FEBRUARY = month("2025-02");
    private static final Period MARCH = month("2025-03");
    private static final Period APRIL = month("2025-04");

    @Inject
    FeedPeriods periods;

    @Inject
    AgroalDataSource database;

    /** The visits the generator counts in each period; none where not given. */
    private Map<Period, Long> visits = Map.of();
    private final List<Period> generated = new ArrayList<>();

    @BeforeEach
    void forgetEveryVersion() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + TABLE);
        }
    }

    @Test
    void theLastClosedPeriodIsTheOneBeforeTheOneRunning() {
        assertThat(FeedPeriods.lastClosed(NOW, Granularity.MONTH)).isEqualTo(MARCH);
        assertThat(FeedPeriods.lastClosed(NOW, Granularity.QUARTER)).isEqualTo(Period.parse("2025-Q1").orElseThrow());
        assertThat(FeedPeriods.lastClosed(APRIL.start(), Granularity.MONTH)).isEqualTo(MARCH);
        assertThat(FeedPeriods.ended(MARCH, APRIL.start())).isTrue();
        assertThat(FeedPeriods.ended(APRIL, NOW)).isFalse();
    }

    @Test
    void closedPeriodsWithFiguresAreListedAndTheLastClosedOneAlways() {
        visits = Map.of(JANUARY, 15L);
        List<FeedPeriods.Entry> listed = list(JANUARY.start().plusSeconds(3600), null);
        assertThat(listed).containsExactly(new FeedPeriods.Entry(JANUARY, NOW),
                new FeedPeriods.Entry(MARCH, MARCH.start()));
        assertThat(generated).as("each closed period snapshotted, the open one never").containsExactly(JANUARY, FEBRUARY, MARCH);

        assertThat(list(JANUARY.start(), MARCH.start().plusSeconds(1)).stream().map(FeedPeriods.Entry::period))
                .as("since: only those changed after it").containsExactly(JANUARY);
        assertThat(generated).as("the day's snapshots serve the next listing").hasSize(3);
    }

    @Test
    void noRecordsListNothing() {
        assertThat(list(null, null)).isEmpty();
        assertThat(list(NOW, null)).as("records of the open period only").isEmpty();
        assertThat(generated).isEmpty();
    }

    @Test
    void aPeriodTheVersionTableKnowsStaysListedAfterItsRecordsAreGone() {
        Period november = month("2024-11");
        visits = Map.of(november, 12L);
        assertThat(table(november)).isPresent();
        QuarkusTransaction.requiringNew().run(() -> periods.snapshot(TABLE, Period.parse("2024-Q3").orElseThrow(),
                this::generate, NOW));

        assertThat(QuarkusTransaction.requiringNew().call(() -> periods.earliestKept(TABLE, Granularity.MONTH,
                JANUARY.start(), null))).isEqualTo(november.start());
        assertThat(QuarkusTransaction.requiringNew().call(() -> periods.earliestKept(TABLE, Granularity.MONTH)))
                .isEqualTo(november.start());
        assertThat(QuarkusTransaction.requiringNew().call(() -> periods.earliestKept(TABLE, Granularity.QUARTER,
                JANUARY.start()))).as("only periods of the granularity asked for")
                .isEqualTo(Period.parse("2024-Q3").orElseThrow().start());
        assertThat(FeedPeriods.earliest(null, MARCH.start(), JANUARY.start())).isEqualTo(JANUARY.start());
        assertThat(FeedPeriods.earliest()).isNull();
    }

    @Test
    void theOpenPeriodHasNoTable() {
        visits = Map.of(APRIL, 3L, MARCH, 7L);
        assertThat(table(APRIL)).isEmpty();
        assertThat(table(MARCH)).hasValueSatisfying(table -> assertThat(table.rows()).containsExactly(List.of(7L)));
        assertThat(generated).containsExactly(MARCH);
    }

    private List<FeedPeriods.Entry> list(Instant earliest, Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> periods.list(TABLE, Granularity.MONTH, earliest,
                this::generate, since, NOW));
    }

    private java.util.Optional<FeedTable> table(Period period) {
        return QuarkusTransaction.requiringNew().call(() -> periods.table(TABLE, period, this::generate, NOW));
    }

    private FeedVersions.Generated generate(Period period) {
        generated.add(period);
        long counted = visits.getOrDefault(period, 0L);
        return new FeedVersions.Generated(new FeedTable("Visits", period.toString(), NOW, NOW, 11, 5, FeedTable.LICENCE,
                List.of(new FeedColumn("visits", "#reached", "Visits")), List.of(Arrays.asList(counted))), counted == 0);
    }

    private static Period month(String text) {
        return Period.parse(text).orElseThrow();
    }
}
