package org.mitra.web.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;

/**
 * Which periods a feed publishes, the same for every Mitra feed (docs/privacy.md §2): closed periods only, each served
 * from its snapshot of the day ({@link FeedVersions}). The open period is never published: figures that move while it
 * runs would let two pulls a minute apart single out the one record made in between.
 *
 * <p>Each feed keeps its own tables: it hands in its version table, the earliest instant it has records from and how it
 * makes a period's table from its records ({@code generator}). Runs in the caller's transaction.
 */
@ApplicationScoped
public class FeedPeriods {
    @Inject
    FeedVersions versions;

    /** A period a feed serves, with the time its published figures last changed. */
    public record Entry(Period period, Instant lastModified) {
    }

    /** The last period of this granularity that has ended by {@code now}. */
    public static Period lastClosed(Instant now, Granularity granularity) {
        return Period.containing(Period.containing(now, granularity).start().minusSeconds(1), granularity);
    }

    /** Whether the period has ended by {@code now}, and so may be published. */
    public static boolean ended(Period period, Instant now) {
        return !period.end().isAfter(now);
    }

    /** The earliest of the instants, those that are null passed over; null when none is given. */
    public static Instant earliest(Instant... instants) {
        Instant earliest = null;
        for (Instant instant : instants) {
            if (instant != null && (earliest == null || instant.isBefore(earliest))) {
                earliest = instant;
            }
        }
        return earliest;
    }

    /**
     * The earliest of the instants the feed has records from and of the starts of the periods of this granularity its
     * version table knows, so a period that had figures stays listed after its records are gone (erased, withdrawn);
     * null when there is none.
     */
    public Instant earliestKept(String versionTable, Granularity granularity, Instant... records) {
        Instant earliest = earliest(records);
        for (String period : versions.all(versionTable).keySet()) {
            Optional<Period> versioned = Period.parse(period).filter(parsed -> parsed.granularity() == granularity);
            if (versioned.isPresent() && (earliest == null || versioned.get().start().isBefore(earliest))) {
                earliest = versioned.get().start();
            }
        }
        return earliest;
    }

    /**
     * The closed periods of this granularity, oldest first, from the one containing {@code earliest} (none when it is
     * null) up to the last closed one, each as its snapshot of the day dates it. A period that never had figures is
     * left out, except the last closed one; with {@code since}, only those whose published figures changed after it.
     *
     * @param generator the table of a period from the records as they are now, called when its snapshot is stale
     */
    public List<Entry> list(String versionTable, Granularity granularity, Instant earliest,
            Function<Period, FeedVersions.Generated> generator, Instant since, Instant now) {
        List<Entry> entries = new ArrayList<>();
        if (earliest == null) {
            return entries;
        }
        Period lastClosed = lastClosed(now, granularity);
        for (Period period : Period.range(Period.containing(earliest, granularity), lastClosed)) {
            FeedVersions.Snapshot snapshot = snapshot(versionTable, period, generator, now);
            if (!snapshot.hadFigures() && !period.equals(lastClosed)) {
                continue;
            }
            Instant lastModified = snapshot.table().lastModified();
            if (since == null || lastModified.isAfter(since)) {
                entries.add(new Entry(period, lastModified));
            }
        }
        return entries;
    }

    /** One closed period's table as published (its snapshot of the day); empty for the open period or a future one. */
    public Optional<FeedTable> table(String versionTable, Period period, Function<Period, FeedVersions.Generated> generator,
            Instant now) {
        if (!ended(period, now)) {
            return Optional.empty();
        }
        return Optional.of(snapshot(versionTable, period, generator, now).table());
    }

    /** The period's snapshot of the day, {@code generator}'s table taken now when the stored one is stale. */
    public FeedVersions.Snapshot snapshot(String versionTable, Period period,
            Function<Period, FeedVersions.Generated> generator, Instant now) {
        return versions.snapshot(versionTable, period, () -> generator.apply(period), now);
    }
}
