package org.mitra.directory.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import org.mitra.web.problem.ResourceNotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.directory.region.Region;
import org.mitra.directory.region.Regions;
import org.mitra.web.Caller;

@Path("/api/directory")
@Tag(name = "coverage", description = "The pie of pies: which slices and categories are covered, strained, duplicated or empty in a region")
public class CoverageResource {
    private static final String DEFAULT_REGION = "51";
    private static final String COALITION_ADMIN = "coalition-admin";
    private static final String GOV_LIAISON = "gov-liaison";

    @Inject
    Coverage coverage;

    @Inject
    Regions regions;

    @Inject
    Caller caller;

    @Inject
    Needs needs;

    @GET
    @Path("/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Coverage of every slice and category in a region and its sub-regions (public; exact demand counts for coalition admins only)")
    public CoverageReport coverage(@Parameter(description = "Region code", example = "51") @QueryParam("region") String region) {
        return coverage.forRegion(region(region), caller.hasRole(COALITION_ADMIN));
    }

    @GET
    @Path("/coverage.svg")
    @Produces("image/svg+xml")
    @Transactional
    @Operation(summary = "The coverage pie of a region as an SVG picture (public)")
    public String coverageSvg(@Parameter(description = "Region code", example = "51") @QueryParam("region") String region) {
        return CoveragePie.svg(coverage.forRegion(region(region), caller.hasRole(COALITION_ADMIN)));
    }

    @GET
    @Path("/coverage/needs")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({COALITION_ADMIN, GOV_LIAISON})
    @Operation(summary = "A region's unmet needs ranked by unmet demand, with the reason for each (coalition admins and government liaisons)")
    public List<Need> needs(@Parameter(description = "Region code", example = "51") @QueryParam("region") String region) {
        return needs.ranked(region(region), caller.hasRole(COALITION_ADMIN));
    }

    private Region region(String code) {
        String wanted = code == null || code.isBlank() ? DEFAULT_REGION : code;
        return regions.find(wanted).orElseThrow(() -> ResourceNotFoundException.of("Region", wanted));
    }
}
