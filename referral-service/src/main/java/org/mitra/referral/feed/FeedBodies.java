package org.mitra.referral.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mitra.feeds.FeedTable;

/** A feed table's JSON document (self-describing header with the published groupings, then the rows), its content hash and its ETag. */
final class FeedBodies {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private FeedBodies() {
    }

    static String json(FeedTable table) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", table.title());
        document.put("period", table.period());
        document.put("generatedAt", table.generatedAt());
        document.put("lastModified", table.lastModified());
        document.put("suppressionThreshold", table.suppressionThreshold());
        document.put("roundingBase", table.roundingBase());
        document.put("licence", table.licence());
        document.put("tables", Arrays.stream(StatisticsFeed.Grouping.values())
                .map(grouping -> Map.of("table", grouping.code, "description", grouping.description)).toList());
        document.put("outcomes", Arrays.stream(StatisticsFeed.Outcome.values())
                .map(outcome -> Map.of("outcome", outcome.code, "statuses", outcome.description)).toList());
        document.put("columns", table.columns());
        document.put("rows", table.records());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the feed", e);
        }
    }

    /** What was published, independent of when it was generated: the policy and the figures. */
    static String contentHash(FeedTable table) {
        return sha256(table.suppressionThreshold() + "/" + table.roundingBase() + "\n" + table.csv());
    }

    /** The same figures give the same tag whenever they are generated; JSON and CSV differ. */
    static EntityTag etag(FeedTable table, boolean csv) {
        return new EntityTag(sha256((csv ? "csv:" : "json:") + contentHash(table)).substring(0, 32));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
