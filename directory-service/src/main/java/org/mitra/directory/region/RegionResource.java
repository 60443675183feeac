package org.mitra.directory.region;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.web.problem.ResourceNotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;

@Path("/api/directory/regions")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "regions", description = "The region tree: country, province, regency or city")
public class RegionResource {
    @Inject
    Regions regions;

    @GET
    @Operation(operationId = "listRegions", summary = "All regions in tree order, or one region and everything below it (public)")
    public List<RegionView> list(
            @Parameter(description = "Only this region and its sub-regions", example = "51") @QueryParam("within") String within) {
        if (within == null || within.isBlank()) {
            return regions.all();
        }
        List<RegionView> found = regions.within(Regions.code("within", within));
        if (found.isEmpty()) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.region"), within);
        }
        return found;
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "One region by code (public)")
    public RestResponse<RegionView> region(@PathParam("code") String code) {
        Region region = regions.find(code).orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.region"), code));
        return RestResponse.ResponseBuilder.ok(RegionView.of(region))
                .tag(EntityTags.of(region.code, region.version)).build();
    }

    @POST
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addRegion", summary = "Add a region under an existing one (coalition admins)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionView.class)))
    public RestResponse<RegionView> add(@Valid @NotNull RegionRequest request, @Context UriInfo uri) {
        Region region = regions.add(request);
        return RestResponse.ResponseBuilder.<RegionView>created(uri.getAbsolutePathBuilder().path(region.code).build())
                .tag(EntityTags.of(region.code, region.version)).entity(RegionView.of(region)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameRegion", summary = "Rename a region (coalition admins; If-Match required)")
    public RestResponse<RegionView> rename(@PathParam("code") String code, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull RegionNameRequest request) {
        Region region = regions.rename(code, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(RegionView.of(region))
                .tag(EntityTags.of(region.code, region.version)).build();
    }
}
