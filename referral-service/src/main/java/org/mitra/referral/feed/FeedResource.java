package org.mitra.referral.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.feeds.FeedDescription;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.referral.Roles;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/** The referral service's data feed for government liaisons: aggregates only, pulled quarter (or month) by quarter. */
@Path("/api/referrals/feeds")
@Tag(name = "feeds", description = "Privacy-safe aggregate feeds for government liaisons (JSON, or CSV with HXL hashtags)")
public class FeedResource {
    static final String CSV = "text/csv";
    static final String BASE = "/api/referrals/feeds/statistics";

    @Inject
    StatisticsFeed statistics;

    @Inject
    FeedPulls pulls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The feeds this service offers, for the platform's feed catalog (public)")
    public List<FeedDescription> catalog() {
        return List.of(new FeedDescription(StatisticsFeed.ID, StatisticsFeed.TITLE,
                "Referrals counted in the period they were submitted, with their outcome as it is now (drafts and "
                        + "entered-in-error excluded), over fixed tables of at most three attributes: "
                        + StatisticsFeed.describe() + " Counts below the disclosure threshold are withheld (with "
                        + "complementary suppression), the rest rounded down; medians need at least the threshold's "
                        + "number of referrals behind them.",
                BASE, List.of(MediaType.APPLICATION_JSON, CSV), List.of("quarter", "month"), "PT1H", FeedTable.LICENCE,
                List.of(Roles.GOV_LIAISON, Roles.COALITION_ADMIN)));
    }

    @GET
    @Path("/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The periods of the feed, oldest first, the current one included")
    @APIResponse(responseCode = "400", description = "A granularity other than quarter or month, or a since that is not an instant")
    @Operation(summary = "The periods of the referral statistics feed; with since, only those whose figures changed after it")
    public List<PeriodLink> periods(
            @Parameter(description = "quarter (the default) or month (the finest published)", example = "quarter")
            @QueryParam("granularity") String granularity,
            @Parameter(description = "ISO-8601 instant of the last pull", example = "2026-11-01T00:00:00Z") @QueryParam("since") String since) {
        Period.Granularity unit = granularity(granularity);
        Instant after = since(since);
        List<PeriodLink> links = statistics.periods(unit, after).stream()
                .map(entry -> new PeriodLink(entry.period().toString(), BASE + "/" + entry.period(),
                        BASE + "/" + entry.period() + ".csv", entry.lastModified()))
                .toList();
        pulls.record(StatisticsFeed.ID, null, "list", false);
        return links;
    }

    @GET
    @Path("/statistics/{period}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The period's tables, with ETag and Last-Modified")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not a quarter such as 2026-Q4 or a month such as 2026-11")
    @APIResponse(responseCode = "404", description = "A period in the future")
    @Operation(summary = "One period of the referral statistics feed as JSON, or as CSV with an HXL row (Accept: text/csv); "
            + "answers If-None-Match with 304")
    public Response period(@Parameter(description = "A quarter or a month", example = "2026-Q4") @PathParam("period") String period,
            @Context Request request, @HeaderParam("Accept") String accept) {
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return respond(period, request, wanted.contains(CSV) && !wanted.contains(MediaType.APPLICATION_JSON));
    }

    @GET
    @Path("/statistics/{period}.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.GOV_LIAISON, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "The period's tables as CSV: names, then HXL hashtags, then the rows")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @Operation(summary = "One period of the referral statistics feed as CSV with an HXL row")
    public Response periodCsv(@Parameter(description = "A quarter or a month", example = "2026-Q4") @PathParam("period") String period,
            @Context Request request) {
        return respond(period, request, true);
    }

    private Response respond(String period, Request request, boolean csv) {
        Period wanted = Period.parse(period).orElseThrow(() -> InvalidRequestException.of("period",
                "must be a quarter such as 2026-Q4 or a month such as 2026-11; nothing finer is published"));
        FeedTable table = statistics.table(wanted)
                .orElseThrow(() -> ResourceNotFoundException.of("Referral statistics feed period", wanted));
        EntityTag etag = FeedBodies.etag(table, csv);
        Date lastModified = Date.from(table.lastModified());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, etag);
        pulls.record(StatisticsFeed.ID, wanted.toString(), csv ? "csv" : "json", unchanged != null);
        if (unchanged != null) {
            return unchanged.tag(etag).lastModified(lastModified).build();
        }
        return Response.ok(csv ? table.csv() : FeedBodies.json(table), csv ? CSV + "; charset=utf-8" : MediaType.APPLICATION_JSON)
                .tag(etag).lastModified(lastModified).build();
    }

    private static Period.Granularity granularity(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("quarter")) {
            return Period.Granularity.QUARTER;
        }
        if (text.strip().equalsIgnoreCase("month")) {
            return Period.Granularity.MONTH;
        }
        throw InvalidRequestException.of("granularity", "must be quarter or month; nothing finer than a month is published");
    }

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw InvalidRequestException.of("since", "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    /** A period of the feed and where to pull it. */
    @Schema(name = "FeedPeriod")
    public record PeriodLink(
            @Schema(examples = "2026-Q4") String period,
            @Schema(examples = "/api/referrals/feeds/statistics/2026-Q4") String json,
            @Schema(examples = "/api/referrals/feeds/statistics/2026-Q4.csv") String csv,
            @Schema(examples = "2026-11-24T10:00:00Z") Instant lastModified) {
    }
}
