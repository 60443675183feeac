package org.mitra.referral.kpi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.referral.ApiDocs;
import org.mitra.web.Roles;

@Path("/api/referrals")
@Transactional
@Tag(name = "kpis", description = "The coalition's referral KPIs, exact, for coalition admins and an organization's admins")
public class KpiResource {
    @Inject
    Kpis kpis;

    @GET
    @Path("/kpis")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COALITION_ADMIN, Roles.ORG_ADMIN})
    @Operation(operationId = "getReferralKpis",
            summary = "Referral KPIs per organization, category, region or month: referrals sent and received, acceptance "
            + "rate, median and 90th-percentile hours to accept and to complete, share completed with GOT_HELP, rejections "
            + "by reason, expired and forwarded counts, open referrals by age",
            description = "Counts the referrals submitted from `from` to `to` (days in the coalition's time zone; by default "
            + "the last twelve months) and what became of them since. Exact and aggregate only: coalition admins see every "
            + "organization, an organization's admins the referrals their own organization sent or received (403 for "
            + "anyone else, organization-not-verified for a suspended or pending organization's admins). Referrals "
            + "marked entered in error are not counted. The published counterpart, under disclosure control, is the "
            + "statistics feed.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public KpiReport report(
            @Parameter(description = "First day counted", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day counted (today by default)", example = "2026-06-30") @QueryParam("to") String to,
            @Parameter(description = "organization (default), category, region or month", example = "organization")
            @QueryParam("groupBy") String groupBy) {
        return kpis.report(from, to, groupBy);
    }

    @GET
    @Path("/kpis.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({Roles.COALITION_ADMIN, Roles.ORG_ADMIN})
    @Operation(operationId = "getReferralKpiPicture",
            summary = "The same KPIs as an SVG picture for a report: a bar per row split by what became of its referrals, "
            + "with its acceptance rate and median time to accept")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public String picture(@QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(example = "category") @QueryParam("groupBy") String groupBy) {
        return KpiPicture.svg(kpis.report(from, to, groupBy));
    }
}
