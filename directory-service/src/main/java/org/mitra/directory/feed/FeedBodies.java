package org.mitra.directory.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mitra.feeds.FeedTable;

/** A feed table's JSON document (self-describing header, then the rows) and its content-based ETag. */
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
        document.put("columns", table.columns());
        document.put("rows", table.records());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the feed", e);
        }
    }

    /** The same figures give the same tag whenever they are generated; JSON and CSV differ. */
    static EntityTag etag(FeedTable table, boolean csv) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((csv ? "csv:" : "json:").getBytes(StandardCharsets.UTF_8));
            digest.update(table.csv().getBytes(StandardCharsets.UTF_8));
            return new EntityTag(HexFormat.of().formatHex(digest.digest()).substring(0, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
