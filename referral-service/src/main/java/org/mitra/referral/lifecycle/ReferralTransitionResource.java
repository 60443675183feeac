package org.mitra.referral.lifecycle;

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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.mitra.referral.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.web.Roles;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralView;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;

@Path("/api/referrals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "lifecycle", description = "The referral state machine (FHIR Task), the intervention business status and the history")
public class ReferralTransitionResource {
    @Inject
    ReferralWorkflow workflow;

    @Inject
    Referrals referrals;

    @Inject
    ReferralHistory history;

    @POST
    @Path("/transitions")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "transitionReferral",
            summary = "Move a referral: the sender submits, the receiver accepts, rejects, starts, holds, resumes, completes "
            + "or fails; either cancels; the sender marks it entered in error")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ReferralView> transition(@PathParam("id") UUID id,
            @Parameter(description = "The referral's ETag as last read; a stale one is a 412") @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        Referral referral = workflow.apply(id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }

    @PUT
    @Path("/business-status")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "advanceReferralBusinessStatus",
            summary = "Move an intervention referral's business status one step forward (the receiver): "
            + "POLICE_NOTIFIED, REPORT_FILED, VICTIM_REMOVED, WITH_PROSECUTOR, VERDICT")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ReferralView> businessStatus(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull BusinessStatusRequest request) {
        Referral referral = workflow.advanceBusinessStatus(id, ifMatch, request.businessStatus());
        return RestResponse.ResponseBuilder.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }

    @GET
    @Path("/history")
    @Authenticated
    @Operation(operationId = "getReferralHistory",
            summary = "Every step of the referral with actor, organization, time and reason")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return history.of(id);
    }
}
