package org.mitra.referral.followup;

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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.referral.ApiDocs;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralView;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;

@Path("/api/referrals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "follow-up", description = "The receiver's contact attempts and follow-up with the person, after it took a "
        + "referral on")
public class FollowUpResource {
    @Inject
    ContactAttempts attempts;

    @Inject
    Referrals referrals;

    @POST
    @Path("/contact-attempts")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "recordContactAttempt",
            summary = "Record an attempt to reach the person (the receiver, while the referral is under way)",
            description = "When, how (PHONE, MESSAGE, VISIT, OTHER) and whether it reached the person; no free text. Three "
            + "that did not reach the person let the receiver complete the referral with outcome LOST_CONTACT.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ContactAttemptView> record(@PathParam("id") UUID id, @Valid @NotNull ContactAttemptRequest request) {
        ContactAttempt attempt = attempts.record(id, request);
        return RestResponse.ResponseBuilder.<ContactAttemptView>created(
                URI.create("/api/referrals/" + id + "/contact-attempts")).entity(ContactAttemptView.of(attempt)).build();
    }

    @GET
    @Path("/contact-attempts")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "listContactAttempts", summary = "The receiver's contact attempts, oldest first (both organizations)")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public List<ContactAttemptView> list(@PathParam("id") UUID id) {
        return attempts.of(id).stream().map(ContactAttemptView::of).toList();
    }

    @PUT
    @Path("/follow-up")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "setReferralFollowUp",
            summary = "Set the day the receiver follows up with the person, or record it done (the receiver)",
            description = "Once the receiver took the referral on, also after it completed or failed; never once consent "
            + "was withdrawn. A follow-up due before today (the coalition's time zone) and not done shows in the "
            + "receiver's queue (GET /api/referrals?box=received&followUpOwed=true) and in the overdue list.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ReferralView> followUp(@PathParam("id") UUID id,
            @Parameter(description = "The referral's ETag as last read; a stale one is a 412") @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull FollowUpRequest request) {
        Referral referral = attempts.followUp(id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }
}
