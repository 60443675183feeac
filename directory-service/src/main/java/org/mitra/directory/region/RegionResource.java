package org.mitra.directory.region;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/directory/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regions", description = "The region tree: country, province, regency or city")
public class RegionResource {
    @Inject
    Regions regions;

    @GET
    @Operation(summary = "All regions in tree order, or one region and everything below it (public)")
    public List<RegionView> list(
            @Parameter(description = "Only this region and its sub-regions", example = "51") @QueryParam("within") String within) {
        if (within == null || within.isBlank()) {
            return regions.all();
        }
        List<RegionView> found = regions.within(within);
        if (found.isEmpty()) {
            throw new NotFoundException("No region with code " + within);
        }
        return found;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One region by code (public)")
    public RegionView region(@PathParam("code") String code) {
        return regions.find(code).map(RegionView::of).orElseThrow(() -> new NotFoundException("No region with code " + code));
    }
}
