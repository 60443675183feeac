package org.mitra.web.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;
import org.mitra.web.problem.InvalidRequestException;

/**
 * How every Mitra service serves a government feed over HTTP (docs/privacy.md §2): a period named in the path, JSON with a
 * self-describing header or CSV with an HXL row, a content-based {@code ETag} and {@code Last-Modified} answered with
 * 304, a {@code since} cursor, and every pull handed to the service's audit.
 */
public final class FeedResponses {
    public static final String CSV = "text/csv";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private FeedResponses() {
    }

    /** Records one pull of a period: which, in which format, and whether the caller already had it (304). */
    @FunctionalInterface
    public interface PullAudit {
        void record(String period, String format, boolean notModified);
    }

    /** CSV only when the caller asks for it and not also for JSON; JSON otherwise. */
    public static boolean wantsCsv(String accept) {
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return wanted.contains(CSV) && !wanted.contains(MediaType.APPLICATION_JSON);
    }

    /** The granularity asked for; none means the first offered. Anything the feed does not offer is a 400. */
    public static Granularity granularity(String text, List<Granularity> offered) {
        if (text == null || text.isBlank()) {
            return offered.get(0);
        }
        return offered.stream().filter(unit -> unit.name().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> InvalidRequestException.of("granularity", offered.size() == 1
                        ? "must be " + name(offered.get(0)) + ": this feed is published per " + name(offered.get(0)) + " only"
                        : "must be " + String.join(" or ", offered.stream().map(FeedResponses::name).toList())
                                + "; nothing finer than a month is published"));
    }

    /** The instant of the caller's last pull, or null for everything. */
    public static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw InvalidRequestException.of("since", "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    /** A period in the path: a quarter such as 2026-Q4 or a month such as 2026-11, of a granularity the feed offers. */
    public static Period period(String text, List<Granularity> offered) {
        return Period.parse(text).filter(period -> offered.contains(period.granularity()))
                .orElseThrow(() -> InvalidRequestException.of("period", "must be "
                        + String.join(" or ", offered.stream().map(unit -> unit == Granularity.QUARTER
                                ? "a quarter such as 2026-Q4" : "a month such as 2026-11").toList())
                        + (offered.size() == 1 ? "; this feed is published per " + name(offered.get(0)) + ", nothing finer or coarser"
                                : "; nothing finer is published")));
    }

    /**
     * One period of a feed, or 304 when the caller's {@code If-None-Match} or {@code If-Modified-Since} says it has
     * it already; either way the pull is audited.
     *
     * @param header entries added to the JSON document's header after the standard ones (e.g. the published tables)
     */
    public static Response respond(FeedTable table, Request request, boolean csv, Map<String, Object> header, PullAudit audit) {
        EntityTag etag = etag(table, csv);
        Date lastModified = Date.from(table.lastModified());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, etag);
        audit.record(table.period(), csv ? "csv" : "json", unchanged != null);
        if (unchanged != null) {
            return unchanged.tag(etag).lastModified(lastModified).build();
        }
        return Response.ok(csv ? table.csv() : json(table, header), csv ? CSV + "; charset=utf-8" : MediaType.APPLICATION_JSON)
                .tag(etag).lastModified(lastModified).build();
    }

    /** The JSON document: the self-describing header (title, period, times, disclosure policy, licence, columns), then the rows. */
    public static String json(FeedTable table, Map<String, Object> header) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", table.title());
        document.put("period", table.period());
        document.put("generatedAt", table.generatedAt());
        document.put("lastModified", table.lastModified());
        document.put("suppressionThreshold", table.suppressionThreshold());
        document.put("roundingBase", table.roundingBase());
        document.put("licence", table.licence());
        document.putAll(header);
        document.put("columns", table.columns());
        document.put("rows", table.records());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the feed", e);
        }
    }

    /** The same publication gives the same tag whenever it is generated; its JSON and its CSV differ. */
    public static EntityTag etag(FeedTable table, boolean csv) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(((csv ? "csv:" : "json:") + table.contentHash()).getBytes(StandardCharsets.UTF_8));
            return new EntityTag(HexFormat.of().formatHex(digest).substring(0, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Granularity unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }
}
