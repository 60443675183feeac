package org.mitra.directory.taxonomy;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/directory/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "taxonomy", description = "The four slices of the pie and the categories within each")
public class TaxonomyResource {
    @Inject
    Taxonomy taxonomy;

    @GET
    @Operation(summary = "The four slices, each with its categories (public)")
    public List<TermView> slices() {
        return taxonomy.slicesWithCategories();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One slice (with its categories) or one category, by code (public)")
    public TermView term(@PathParam("code") String code) {
        return taxonomy.term(code).orElseThrow(() -> new NotFoundException("No taxonomy term with code " + code));
    }
}
