package org.mitra.directory.taxonomy;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.ResourceNotFoundException;

@Path("/api/directory/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "taxonomy", description = "The four slices of the pie and the categories within each")
public class TaxonomyResource {
    @Inject
    Taxonomy taxonomy;

    @GET
    @Operation(operationId = "listSlices", summary = "The four slices, each with its categories (public)")
    public List<TermView> slices() {
        return taxonomy.slicesWithCategories();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getTaxonomyTerm", summary = "One slice (with its categories) or one category, by code (public)")
    public RestResponse<TermView> term(@PathParam("code") String code) {
        TermView view = taxonomy.term(code).orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.taxonomy-term"), code));
        long version = taxonomy.find(code).map(term -> term.version).orElse(0L);
        return RestResponse.ResponseBuilder.ok(view).tag(EntityTags.of(code, version)).build();
    }

    @POST
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addCategory", summary = "Add a category to a slice (coalition admins)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TermView.class)))
    public RestResponse<TermView> addCategory(@Valid @NotNull CategoryRequest request, @Context UriInfo uri) {
        TaxonomyTerm category = taxonomy.addCategory(request);
        return RestResponse.ResponseBuilder.<TermView>created(uri.getAbsolutePathBuilder().path(category.code).build())
                .tag(EntityTags.of(category.code, category.version))
                .entity(taxonomy.term(category.code).orElseThrow())
                .build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameTaxonomyTerm", summary = "Rename a slice or category (coalition admins; If-Match required)")
    public RestResponse<TermView> rename(@PathParam("code") String code, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull TermNamesRequest request) {
        TaxonomyTerm term = taxonomy.rename(code, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(taxonomy.term(code).orElseThrow())
                .tag(EntityTags.of(term.code, term.version)).build();
    }
}
