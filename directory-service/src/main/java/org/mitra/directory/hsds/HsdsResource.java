package org.mitra.directory.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.problem.FieldViolation;
import org.mitra.web.problem.InvalidRequestException;

/** The Open Referral HSDS 3.0 API, so any Open Referral tool can read the directory (public). */
@Path("/api/directory/hsds")
@Produces({MediaType.APPLICATION_JSON, HsdsResource.NDJSON})
@Transactional
@Tag(name = "open-referral", description = "The public directory as Open Referral HSDS 3.0 (snake_case fields, 1-based pages)")
public class HsdsResource {
    static final String NDJSON = "application/x-ndjson";
    static final String PROFILE = "https://docs.openreferral.org/en/latest/hsds/";
    private static final int DEFAULT_PER_PAGE = 20;
    private static final int MAX_PER_PAGE = 100;

    @Inject
    HsdsExport export;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "HSDS version, profile and the OpenAPI document of this API")
    public Hsds.ApiInfo info(@Context UriInfo uri) {
        return new Hsds.ApiInfo(Hsds.VERSION, PROFILE, uri.getBaseUriBuilder().path("q/openapi").build().toString());
    }

    @GET
    @Path("/services")
    @Operation(summary = "Services of verified organizations, HSDS page; filters combine with AND")
    public Response services(@QueryParam("search") String search, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @QueryParam("taxonomy_id") String taxonomyId, @QueryParam("organization_id") String organizationId,
            @Parameter(description = "ISO-8601 date or date-time") @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "Only one-to-one fields") @QueryParam("minimal") boolean minimal,
            @Parameter(description = "json (default) or ndjson") @QueryParam("format") String format) {
        Params params = new Params(page, perPage, format);
        HsdsExport.Filters filters = params.filters(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, null);
        params.check();
        return params.respond(export.services(filters, params.page, params.perPage, minimal));
    }

    @GET
    @Path("/services/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One service with its organization, public locations, languages, areas, taxonomy terms and capacity")
    public Hsds.Service service(@PathParam("id") UUID id) {
        return export.service(id);
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "Verified organizations, HSDS page")
    public Response organizations(@QueryParam("search") String search, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("full_service") boolean fullService,
            @QueryParam("format") String format) {
        Params params = new Params(page, perPage, format);
        String text = params.search(search);
        params.check();
        return params.respond(export.organizations(text, params.page, params.perPage, fullService));
    }

    @GET
    @Path("/organizations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One verified organization with its services")
    public Hsds.Organization organization(@PathParam("id") UUID id) {
        return export.organization(id, true);
    }

    @GET
    @Path("/service_at_locations")
    @Operation(summary = "Public (never confidential) locations of services, HSDS page")
    public Response serviceAtLocations(@QueryParam("search") String search, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @QueryParam("taxonomy_id") String taxonomyId, @QueryParam("organization_id") String organizationId,
            @QueryParam("modified_after") String modifiedAfter, @QueryParam("postcode") String postcode,
            @QueryParam("format") String format) {
        Params params = new Params(page, perPage, format);
        HsdsExport.Filters filters = params.filters(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode);
        params.check();
        return params.respond(export.serviceAtLocations(filters, params.page, params.perPage));
    }

    @GET
    @Path("/service_at_locations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One public service location")
    public Hsds.ServiceAtLocation serviceAtLocation(@PathParam("id") UUID id) {
        return export.serviceAtLocation(id);
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "The taxonomies used (Mitra's one), HSDS page")
    public Response taxonomies(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("format") String format) {
        Params params = new Params(page, perPage, format);
        params.check();
        List<Hsds.Taxonomy> all = export.taxonomies();
        return params.respond(Hsds.Page.of(params.page == 1 ? all : List.of(), params.page, params.perPage, all.size()));
    }

    @GET
    @Path("/taxonomies/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One taxonomy")
    public Hsds.Taxonomy taxonomy(@PathParam("id") UUID id) {
        return export.taxonomy(id);
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "Slices and categories as HSDS taxonomy terms, HSDS page")
    public Response taxonomyTerms(@QueryParam("search") String search, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("top_only") boolean topOnly, @QueryParam("parent_id") String parentId,
            @QueryParam("format") String format) {
        Params params = new Params(page, perPage, format);
        UUID taxonomy = params.uuid("taxonomy_id", taxonomyId);
        UUID parent = params.uuid("parent_id", parentId);
        String text = params.search(search);
        params.check();
        return params.respond(export.taxonomyTerms(text, taxonomy, topOnly, parent, params.page, params.perPage));
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One taxonomy term")
    public Hsds.TaxonomyTerm taxonomyTerm(@PathParam("id") UUID id) {
        return export.taxonomyTerm(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The HSDS query parameters, checked together so a bad request names every bad one. */
    private final class Params {
        final List<FieldViolation> violations = new ArrayList<>();
        final int page;
        final int perPage;
        final boolean ndjson;

        Params(String page, String perPage, String format) {
            this.perPage = number("per_page", perPage, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
            this.page = number("page", page, 1, 1, org.mitra.web.paging.PageRequest.MAX_OFFSET / this.perPage + 1);
            this.ndjson = "ndjson".equals(format);
            if (format != null && !format.isBlank() && !"json".equals(format) && !ndjson) {
                violations.add(new FieldViolation("format", "must be json or ndjson"));
            }
        }

        HsdsExport.Filters filters(String search, String term, String taxonomy, String organization, String modifiedAfter,
                String postcode) {
            String text = search(search);
            if (postcode != null && postcode.strip().length() > 16) {
                violations.add(new FieldViolation("postcode", "must be at most 16 characters"));
            }
            return new HsdsExport.Filters(text, uuid("taxonomy_term_id", term), uuid("taxonomy_id", taxonomy),
                    uuid("organization_id", organization), instant(modifiedAfter), blankToNull(postcode));
        }

        /** The free text of {@code search}, at most 200 characters. */
        String search(String search) {
            String text = blankToNull(search);
            if (text != null && text.length() > 200) {
                violations.add(new FieldViolation("search", "must be at most 200 characters"));
            }
            return text;
        }

        void check() {
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
        }

        Response respond(Hsds.Page<?> page) {
            if (!ndjson) {
                return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
            }
            String lines = page.contents().stream().map(this::line).collect(Collectors.joining());
            return Response.ok(lines, NDJSON).build();
        }

        private String line(Object item) {
            try {
                return json.writeValueAsString(item) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write an HSDS item", e);
            }
        }

        UUID uuid(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return UUID.fromString(value.strip());
            } catch (IllegalArgumentException notAnId) {
                violations.add(new FieldViolation(name, "must be a UUID"));
                return null;
            }
        }

        private Instant instant(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    violations.add(new FieldViolation("modified_after", "must be an ISO-8601 date or date-time"));
                    return null;
                }
            }
        }

        private int number(String name, String value, int fallback, int min, int max) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            violations.add(new FieldViolation(name, "must be a whole number from " + min + " to " + max));
            return fallback;
        }
    }
}
