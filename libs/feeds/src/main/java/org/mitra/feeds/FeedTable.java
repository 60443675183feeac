package org.mitra.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One period of a feed: a self-describing header and rows of values (strings, numbers, or null for a
 * suppressed count), ready to be written as JSON or as CSV with an HXL row.
 */
public record FeedTable(
        String title,
        String period,
        Instant generatedAt,
        Instant lastModified,
        Integer suppressionThreshold,
        Integer roundingBase,
        String licence,
        List<FeedColumn> columns,
        List<List<Object>> rows) {

    public static final String LICENCE = "CC-BY-4.0";

    public FeedTable {
        columns = List.copyOf(columns);
        int width = columns.size();
        rows = rows.stream().map(row -> {
            if (row.size() != width) {
                throw new IllegalArgumentException("Every row has one value per column");
            }
            // Values may be null (a suppressed count), which List.copyOf refuses.
            return Collections.unmodifiableList(new ArrayList<>(row));
        }).toList();
    }

    /** The rows as objects keyed by column name, for JSON. */
    public List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i).name(), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /**
     * RFC 4180 CSV: a header row of names, a second row of HXL hashtags, then the data; suppressed counts empty. No
     * text cell can start a spreadsheet formula (OWASP's CSV injection rule): one that starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return (or a full-width {@code ＝＋－＠}) is written with a leading
     * {@code '} and in quotes. Numbers are written as they are.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(column -> text(column.name())).toList())).append("\r\n");
        csv.append(String.join(",", columns.stream().map(column -> text(column.hxl())).toList())).append("\r\n");
        for (List<Object> row : rows) {
            csv.append(String.join(",", row.stream().map(FeedTable::cell).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Number ? value.toString() : text(value.toString());
    }

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private static String text(String value) {
        if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "\"'" + value.replace("\"", "\"\"") + "\"";
        }
        return quote(value);
    }

    /**
     * What was published, independent of when it was generated: the disclosure policy and the figures. Two tables with
     * the same hash say the same thing, so a feed can tell a changed period from one merely generated again.
     */
    public String contentHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (suppressionThreshold + "/" + roundingBase + "\n" + csv()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
