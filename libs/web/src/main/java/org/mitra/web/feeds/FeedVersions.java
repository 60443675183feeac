package org.mitra.web.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.mitra.feeds.FeedColumn;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;

/**
 * What each period of a feed publishes, frozen: a snapshot of its table taken at most once a {@link #REFRESH day},
 * however often it is pulled, so a late change to one record of a closed period (a rejection, an erasure, an overdue
 * flag) shows only in the next day's snapshot, together with every other change of that day, never within seconds of
 * the event. {@code Last-Modified} and the {@code since} cursor follow the published content: a snapshot whose figures
 * did not change keeps its date.
 *
 * <p>One row per period in the feed's version table ({@code period, content_hash, changed_at, content, empty,
 * had_figures, taken_at}, created by the service's migrations). Runs in the caller's transaction; concurrent pulls of
 * a stale period take one snapshot between them (an advisory lock per table and period).
 */
@ApplicationScoped
public class FeedVersions {
    /** A period's snapshot is taken again only once it is this old. */
    public static final Duration REFRESH = Duration.ofDays(1);

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    /** Whole numbers read back as {@code Long}, as the feeds count. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    @Inject
    AgroalDataSource dataSource;

    /** A period's table as generated from the records, and whether it counted anything at all. */
    public record Generated(FeedTable table, boolean empty) {
    }

    /**
     * A period's table as published: {@code generatedAt} is when its snapshot was taken, {@code lastModified} when
     * its content last changed. {@code hadFigures} says whether any snapshot of the period ever counted something.
     */
    public record Snapshot(FeedTable table, boolean empty, boolean hadFigures) {
    }

    /** The stored content of a table: what was published, without the times (they live in their own columns). */
    private record Content(String title, String period, Integer suppressionThreshold, Integer roundingBase, String licence,
            List<FeedColumn> columns, List<List<Object>> rows) {
    }

    /** Every period the version table knows, with when its content last changed. */
    public Map<String, Instant> all(String versionTable) {
        Map<String, Instant> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT period, changed_at FROM " + checked(versionTable));
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the feed versions", e);
        }
    }

    /**
     * The period's table as published: the stored snapshot while it is younger than {@link #REFRESH}, otherwise
     * {@code generate}d now and stored. The first snapshot of a period that counted nothing is dated by the period's
     * start (nothing ever changed in it); a new snapshot with the same content keeps the date of the one before.
     */
    public Snapshot snapshot(String versionTable, Period period, Supplier<Generated> generate, Instant now) {
        String name = checked(versionTable);
        Optional<Snapshot> stored = stored(name, period, now.minus(REFRESH));
        if (stored.isPresent()) {
            return stored.get();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, name + "/" + period);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the feed version", e);
        }
        stored = stored(name, period, now.minus(REFRESH));
        if (stored.isPresent()) {
            return stored.get(); // another pull took it while this one waited
        }
        Generated generated = generate.get();
        FeedTable table = generated.table();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + name
                        + " (period, content_hash, changed_at, content, empty, had_figures, taken_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period) DO UPDATE SET"
                        + " changed_at = CASE WHEN " + name + ".content_hash = EXCLUDED.content_hash"
                        + "   THEN " + name + ".changed_at ELSE ? END,"
                        + " content_hash = EXCLUDED.content_hash, content = EXCLUDED.content, empty = EXCLUDED.empty,"
                        + " had_figures = " + name + ".had_figures OR EXCLUDED.had_figures, taken_at = EXCLUDED.taken_at")) {
            upsert.setString(1, period.toString());
            upsert.setString(2, table.contentHash());
            upsert.setTimestamp(3, Timestamp.from(generated.empty() ? period.start() : now));
            upsert.setString(4, JSON.writeValueAsString(new Content(table.title(), table.period(),
                    table.suppressionThreshold(), table.roundingBase(), table.licence(), table.columns(), table.rows())));
            upsert.setBoolean(5, generated.empty());
            upsert.setBoolean(6, !generated.empty());
            upsert.setTimestamp(7, Timestamp.from(now));
            upsert.setTimestamp(8, Timestamp.from(now));
            upsert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the feed snapshot", e);
        }
        return stored(name, period, Instant.EPOCH).orElseThrow();
    }

    /** When the period's content last changed, if it was ever taken. */
    public Optional<Instant> changedAt(String versionTable, Period period) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT changed_at FROM " + checked(versionTable) + " WHERE period = ?")) {
            select.setString(1, period.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the feed version", e);
        }
    }

    /** The stored snapshot if it was taken after {@code takenAfter}. */
    private Optional<Snapshot> stored(String name, Period period, Instant takenAfter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT content, empty, had_figures, taken_at,"
                        + " changed_at FROM " + name + " WHERE period = ? AND content IS NOT NULL AND taken_at > ?")) {
            select.setString(1, period.toString());
            select.setTimestamp(2, Timestamp.from(takenAfter));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Content content = JSON.readValue(rows.getString(1), Content.class);
                FeedTable table = new FeedTable(content.title(), content.period(), rows.getTimestamp(4).toInstant(),
                        rows.getTimestamp(5).toInstant(), content.suppressionThreshold(), content.roundingBase(),
                        content.licence(), content.columns(), content.rows());
                return Optional.of(new Snapshot(table, rows.getBoolean(2), rows.getBoolean(3)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the feed snapshot", e);
        }
    }

    private static String checked(String versionTable) {
        if (!TABLE.matcher(versionTable).matches()) {
            throw new IllegalArgumentException("Not a table name: " + versionTable);
        }
        return versionTable;
    }
}
