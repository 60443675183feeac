package org.mitra.web.feeds;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;

/**
 * When each period of a feed last changed what it publishes, so {@code Last-Modified} and the {@code since} cursor
 * follow the published figures, not the moment a table was generated. One row per period in the feed's version table
 * ({@code period, content_hash, changed_at}, created by the service's migrations), rewritten only when the content
 * hash changes. Runs in the caller's transaction.
 */
@ApplicationScoped
public class FeedVersions {
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    @Inject
    AgroalDataSource dataSource;

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

    /** Records the period's published content (a new version only when its hash changed); returns when it last changed. */
    public Instant record(String versionTable, Period period, FeedTable table, Instant now) {
        String name = checked(versionTable);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + name
                        + " (period, content_hash, changed_at) VALUES (?, ?, ?) ON CONFLICT (period) DO UPDATE SET "
                        + "content_hash = EXCLUDED.content_hash, changed_at = EXCLUDED.changed_at WHERE "
                        + name + ".content_hash <> EXCLUDED.content_hash")) {
            upsert.setString(1, period.toString());
            upsert.setString(2, table.contentHash());
            upsert.setTimestamp(3, Timestamp.from(now));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the feed version", e);
        }
        return changedAt(versionTable, period).orElse(now);
    }

    /** When the period's content last changed, if it was ever recorded. */
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

    /**
     * The generated table as published: its {@code lastModified} is when its content last changed, or the period's
     * start for a past period that never had figures (nothing worth remembering).
     */
    public FeedTable published(String versionTable, Period period, FeedTable generated, boolean empty, Instant now) {
        boolean current = period.equals(Period.containing(now, period.granularity()));
        Instant lastModified = empty && !current && changedAt(versionTable, period).isEmpty()
                ? period.start()
                : record(versionTable, period, generated, now);
        return new FeedTable(generated.title(), generated.period(), generated.generatedAt(), lastModified,
                generated.suppressionThreshold(), generated.roundingBase(), generated.licence(), generated.columns(),
                generated.rows());
    }

    private static String checked(String versionTable) {
        if (!TABLE.matcher(versionTable).matches()) {
            throw new IllegalArgumentException("Not a table name: " + versionTable);
        }
        return versionTable;
    }
}
