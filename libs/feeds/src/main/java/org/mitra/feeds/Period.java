package org.mitra.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's unit of time: a quarter ({@code 2026-Q4}, the default) or a month ({@code 2026-11}, the
 * finest allowed). Periods are UTC and half-open: [start, end).
 */
public record Period(Granularity granularity, int year, int index) implements Comparable<Period> {
    public enum Granularity { QUARTER, MONTH }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public Period {
        int max = granularity == Granularity.QUARTER ? 4 : 12;
        if (index < 1 || index > max || year < 2000 || year > 2999) {
            throw new IllegalArgumentException("No such period: " + year + "/" + index);
        }
    }

    /** {@code 2026-Q4} or {@code 2026-11}; empty for anything else. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher quarter = QUARTER.matcher(text.strip());
        if (quarter.matches()) {
            return Optional.of(new Period(Granularity.QUARTER, Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2))));
        }
        Matcher month = MONTH.matcher(text.strip());
        if (month.matches()) {
            return Optional.of(new Period(Granularity.MONTH, Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
        }
        return Optional.empty();
    }

    public static Period containing(Instant instant, Granularity granularity) {
        LocalDate date = instant.atZone(ZoneOffset.UTC).toLocalDate();
        int index = granularity == Granularity.QUARTER ? (date.getMonthValue() - 1) / 3 + 1 : date.getMonthValue();
        return new Period(granularity, date.getYear(), index);
    }

    public Instant start() {
        int firstMonth = granularity == Granularity.QUARTER ? (index - 1) * 3 + 1 : index;
        return YearMonth.of(year, firstMonth).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return next().start();
    }

    public Period next() {
        int max = granularity == Granularity.QUARTER ? 4 : 12;
        return index == max ? new Period(granularity, year + 1, 1) : new Period(granularity, year, index + 1);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** Every period from {@code first} up to and including {@code last}. */
    public static List<Period> range(Period first, Period last) {
        List<Period> periods = new ArrayList<>();
        for (Period period = first; period.compareTo(last) <= 0; period = period.next()) {
            periods.add(period);
        }
        return periods;
    }

    @Override
    public int compareTo(Period other) {
        return start().compareTo(other.start());
    }

    @Override
    public String toString() {
        return granularity == Granularity.QUARTER ? year + "-Q" + index : String.format("%d-%02d", year, index);
    }
}
