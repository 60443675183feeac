package org.mitra.directory.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.feeds.FeedDescription;
import org.mitra.feeds.FeedTable;
import org.mitra.feeds.Period;
import org.mitra.web.problem.FieldViolation;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/** The directory's data feeds for government liaisons: aggregates only, pulled period by period. */
@Path("/api/directory/feeds")
@Tag(name = "feeds", description = "Privacy-safe aggregate feeds for government liaisons (JSON, or CSV with HXL hashtags)")
public class FeedResource {
    static final String CSV = "text/csv";
    static final String COALITION_ADMIN = "coalition-admin";
    static final String GOV_LIAISON = "gov-liaison";

    @Inject
    CoverageFeed coverage;

    @Inject
    FeedPulls pulls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The feeds this service offers, for the platform's feed catalog (public)")
    public List<FeedDescription> catalog() {
        return List.of(new FeedDescription(CoverageFeed.ID, CoverageFeed.TITLE,
                "For every region, slice and category: verified providers, capacity, referrals requested, rejected for lack "
                        + "of capacity and overdue (counts below the disclosure threshold withheld, the rest rounded down), "
                        + "and the verdict GAP, STRAINED, OVERLAP or COVERED.",
                "/api/directory/feeds/coverage", List.of("application/json", CSV), List.of("quarter", "month"), "PT1H",
                FeedTable.LICENCE, List.of(GOV_LIAISON, COALITION_ADMIN)));
    }

    @GET
    @Path("/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({GOV_LIAISON, COALITION_ADMIN})
    @Operation(summary = "The periods of the coverage feed, oldest first; with since, only those changed after it")
    public List<PeriodLink> periods(
            @Parameter(description = "quarter (default) or month") @QueryParam("granularity") String granularity,
            @Parameter(description = "ISO-8601 instant of the last pull", example = "2026-11-01T00:00:00Z") @QueryParam("since") String since) {
        Period.Granularity unit = granularity(granularity);
        Instant after = since(since);
        return coverage.periods(unit, after).stream()
                .map(entry -> new PeriodLink(entry.period().toString(), "/api/directory/feeds/coverage/" + entry.period(),
                        "/api/directory/feeds/coverage/" + entry.period() + ".csv", entry.lastModified()))
                .toList();
    }

    @GET
    @Path("/coverage/{period}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({GOV_LIAISON, COALITION_ADMIN})
    @Operation(summary = "One period of the coverage feed as JSON, or as CSV with an HXL row (Accept: text/csv); answers If-None-Match with 304")
    public Response period(@PathParam("period") String period, @Context Request request,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        boolean csv = accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV)
                && !accept.toLowerCase(Locale.ROOT).contains(MediaType.APPLICATION_JSON);
        return respond(period, request, csv);
    }

    @GET
    @Path("/coverage/{period}.csv")
    @Produces(CSV)
    @RolesAllowed({GOV_LIAISON, COALITION_ADMIN})
    @Operation(summary = "One period of the coverage feed as CSV with an HXL row")
    public Response periodCsv(@PathParam("period") String period, @Context Request request) {
        return respond(period, request, true);
    }

    private Response respond(String period, Request request, boolean csv) {
        Period wanted = Period.parse(period).orElseThrow(() -> InvalidRequestException.of("period",
                "must be a quarter such as 2026-Q4 or a month such as 2026-11; nothing finer is published"));
        FeedTable table = coverage.table(wanted)
                .orElseThrow(() -> ResourceNotFoundException.of("Coverage feed period", wanted));
        String body = csv ? table.csv() : FeedBodies.json(table);
        jakarta.ws.rs.core.EntityTag etag = FeedBodies.etag(table, csv);
        Date lastModified = Date.from(table.lastModified());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, etag);
        pulls.record(CoverageFeed.ID, wanted.toString(), csv ? "csv" : "json", unchanged != null);
        if (unchanged != null) {
            return unchanged.tag(etag).lastModified(lastModified).build();
        }
        return Response.ok(body, csv ? CSV + "; charset=utf-8" : MediaType.APPLICATION_JSON)
                .tag(etag).lastModified(lastModified).build();
    }

    private static Period.Granularity granularity(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("quarter")) {
            return Period.Granularity.QUARTER;
        }
        if (text.equalsIgnoreCase("month")) {
            return Period.Granularity.MONTH;
        }
        throw new InvalidRequestException(List.of(new FieldViolation("granularity", "must be quarter or month")));
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

    /** A period of a feed and where to pull it. */
    public record PeriodLink(String period, String json, String csv, Instant lastModified) {
    }
}
