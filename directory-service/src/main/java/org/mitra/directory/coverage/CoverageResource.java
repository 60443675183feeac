package org.mitra.directory.coverage;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

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
import org.mitra.web.Roles;

@Path("/api/directory")
@Tag(name = "coverage", description = "The pie of pies: which slices and categories are covered, strained, duplicated or empty in a region")
public class CoverageResource {
    private static final String DEFAULT_REGION = "51";
    private static final java.util.Set<Region.Level> OFFERED_LEVELS = java.util.EnumSet.of(Region.Level.COUNTRY,
            Region.Level.PROVINCE, Region.Level.REGENCY, Region.Level.CITY);

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
    @Operation(operationId = "getCoverage",
            summary = "Coverage of every slice and category in a region and its sub-regions (public; exact live demand for coalition admins only)",
            description = "Providers and capacity are live. Demand: coalition admins see exact live counts over the demand "
                    + "window; everyone else sees the last complete calendar month (demandPeriod) as the coverage feed "
                    + "publishes it, taken at most once a day (demandPublishedAt), with counts below the disclosure threshold "
                    + "and zeros alike withheld (null, withheld: true). Every verdict is computed from the figures shown, so "
                    + "nothing withheld can be read back from it. Regions below regency level are not offered (404).")
    public CoverageReport coverage(@Parameter(description = "Region code", example = "51") @QueryParam("region") String region) {
        return coverage.forRegion(region(region), caller.hasRole(Roles.COALITION_ADMIN));
    }

    @GET
    @Path("/coverage.svg")
    @Produces("image/svg+xml")
    @Transactional
    @Operation(operationId = "getCoveragePie", summary = "The coverage pie of a region as an SVG picture (public)",
            description = "Drawn from the same figures as GET /coverage for the same caller: for everyone but coalition "
                    + "admins, the published demand of the last complete month and verdicts computed from it.")
    public String coverageSvg(@Parameter(description = "Region code", example = "51") @QueryParam("region") String region) {
        return CoveragePie.svg(coverage.forRegion(region(region), caller.hasRole(Roles.COALITION_ADMIN)));
    }

    @GET
    @Path("/coverage/needs")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.COALITION_ADMIN, Roles.GOV_LIAISON})
    @Operation(operationId = "listUnmetNeeds",
            summary = "A region's unmet needs ranked by unmet demand, with the reason for each (coalition admins and government liaisons)",
            description = "Coalition admins: ranked by the exact live counts. Government liaisons: ranked from the published "
                    + "figures of the last complete month only (as GET /coverage shows them), so a category with a few "
                    + "referrals ranks as one with none; unmet below the disclosure threshold is null.")
    public List<Need> needs(@Parameter(description = "Region code", example = "51") @QueryParam("region") String region) {
        return needs.ranked(region(region), caller.hasRole(Roles.COALITION_ADMIN));
    }

    /**
     * The region asked for. Only the country, provinces and regencies or cities are offered: a finer region
     * (a district or village, should one ever be added to the tree) would count too few people, so it is
     * not found for anyone but a coalition admin.
     */
    private Region region(String code) {
        String wanted = code == null || code.isBlank() ? DEFAULT_REGION : Regions.code("region", code);
        return regions.find(wanted)
                .filter(found -> caller.hasRole(Roles.COALITION_ADMIN) || OFFERED_LEVELS.contains(found.level))
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.region"), wanted));
    }
}
