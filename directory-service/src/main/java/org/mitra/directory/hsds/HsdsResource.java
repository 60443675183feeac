package org.mitra.directory.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;

/** The Open Referral HSDS 3.0 API, so any Open Referral tool can read the directory (public). */
@Path("/api/directory/hsds")
@Produces({MediaType.APPLICATION_JSON, HsdsResource.NDJSON})
@Transactional
@Tag(name = "open-referral", description = "The public directory as Open Referral HSDS 3.0 (snake_case fields, 1-based pages)")
public class HsdsResource {
    static final String NDJSON = "application/x-ndjson";
    static final String PROFILE = "https://docs.openreferral.org/en/latest/hsds/";

    @Inject
    HsdsExport export;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHsdsInfo", summary = "HSDS version, profile and the OpenAPI document of this API")
    public Hsds.ApiInfo info(@Context UriInfo uri) {
        return new Hsds.ApiInfo(Hsds.VERSION, PROFILE, uri.getBaseUriBuilder().path("q/openapi").build().toString());
    }

    @GET
    @Path("/services")
    @Operation(operationId = "listHsdsServices",
            summary = "Services of verified organizations, HSDS page; filters combine with AND")
    public Response services(@BeanParam HsdsFilters filters, @BeanParam HsdsPaging paging,
            @Parameter(description = "Only one-to-one fields") @QueryParam("minimal") boolean minimal) {
        List<FieldMessage> violations = new ArrayList<>();
        HsdsPaging.Checked page = paging.check(violations);
        HsdsExport.Filters checked = filters.check(violations, null);
        check(violations);
        return respond(page, export.services(checked, page.page(), page.perPage(), minimal));
    }

    @GET
    @Path("/services/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHsdsService",
            summary = "One service with its organization, public locations, languages, areas, taxonomy terms and capacity")
    public Hsds.Service service(@PathParam("id") UUID id) {
        return export.service(id);
    }

    @GET
    @Path("/organizations")
    @Operation(operationId = "listHsdsOrganizations", summary = "Verified organizations, HSDS page")
    public Response organizations(@Parameter(description = "Free text, at most 200 characters") @QueryParam("search") String search,
            @QueryParam("full_service") boolean fullService, @BeanParam HsdsPaging paging) {
        List<FieldMessage> violations = new ArrayList<>();
        HsdsPaging.Checked page = paging.check(violations);
        String text = HsdsParams.search(violations, search);
        check(violations);
        return respond(page, export.organizations(text, page.page(), page.perPage(), fullService));
    }

    @GET
    @Path("/organizations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHsdsOrganization", summary = "One verified organization with its services")
    public Hsds.Organization organization(@PathParam("id") UUID id) {
        return export.organization(id, true);
    }

    @GET
    @Path("/service_at_locations")
    @Operation(operationId = "listHsdsServiceAtLocations",
            summary = "Public (never confidential) locations of services, HSDS page")
    public Response serviceAtLocations(@BeanParam HsdsFilters filters,
            @Parameter(description = "Postcode, at most 16 characters") @QueryParam("postcode") String postcode,
            @BeanParam HsdsPaging paging) {
        List<FieldMessage> violations = new ArrayList<>();
        HsdsPaging.Checked page = paging.check(violations);
        HsdsExport.Filters checked = filters.check(violations, postcode);
        check(violations);
        return respond(page, export.serviceAtLocations(checked, page.page(), page.perPage()));
    }

    @GET
    @Path("/service_at_locations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHsdsServiceAtLocation", summary = "One public service location")
    public Hsds.ServiceAtLocation serviceAtLocation(@PathParam("id") UUID id) {
        return export.serviceAtLocation(id);
    }

    @GET
    @Path("/taxonomies")
    @Operation(operationId = "listHsdsTaxonomies", summary = "The taxonomies used (Mitra's one), HSDS page")
    public Response taxonomies(@BeanParam HsdsPaging paging) {
        List<FieldMessage> violations = new ArrayList<>();
        HsdsPaging.Checked page = paging.check(violations);
        check(violations);
        List<Hsds.Taxonomy> all = export.taxonomies();
        return respond(page, Hsds.Page.of(page.page() == 1 ? all : List.of(), page.page(), page.perPage(), all.size()));
    }

    @GET
    @Path("/taxonomies/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHsdsTaxonomy", summary = "One taxonomy")
    public Hsds.Taxonomy taxonomy(@PathParam("id") UUID id) {
        return export.taxonomy(id);
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(operationId = "listHsdsTaxonomyTerms", summary = "Slices and categories as HSDS taxonomy terms, HSDS page")
    public Response taxonomyTerms(@Parameter(description = "Free text, at most 200 characters") @QueryParam("search") String search,
            @Parameter(description = "UUID of a taxonomy") @QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("top_only") boolean topOnly,
            @Parameter(description = "UUID of the parent term") @QueryParam("parent_id") String parentId,
            @BeanParam HsdsPaging paging) {
        List<FieldMessage> violations = new ArrayList<>();
        HsdsPaging.Checked page = paging.check(violations);
        UUID taxonomy = HsdsParams.uuid(violations, "taxonomy_id", taxonomyId);
        UUID parent = HsdsParams.uuid(violations, "parent_id", parentId);
        String text = HsdsParams.search(violations, search);
        check(violations);
        return respond(page, export.taxonomyTerms(text, taxonomy, topOnly, parent, page.page(), page.perPage()));
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHsdsTaxonomyTerm", summary = "One taxonomy term")
    public Hsds.TaxonomyTerm taxonomyTerm(@PathParam("id") UUID id) {
        return export.taxonomyTerm(id);
    }

    private static void check(List<FieldMessage> violations) {
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }

    /**
     * The page as JSON, or its items one JSON document a line. Stays a {@link Response}: the body's type depends on
     * {@code format} (a {@code Hsds.Page} or NDJSON text), which {@code RestResponse<T>} cannot say.
     */
    private Response respond(HsdsPaging.Checked paging, Hsds.Page<?> page) {
        if (!paging.ndjson()) {
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
}
