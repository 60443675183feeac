package org.mitra.referral.open;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.referral.ApiDocs;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralView;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.idempotency.Idempotency;

@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "emergency", description = "Emergency referrals sent open to every matching organization with room; the "
        + "first to claim one becomes its receiver")
public class OpenReferralResource {
    @Inject
    OpenReferrals open;

    @Inject
    Referrals referrals;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/open")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "sendOpenEmergencyReferral",
            summary = "Send an EMERGENCY referral open: offered to every verified organization offering the category in "
            + "the region (or its province) that reports room, none named",
            description = "Submitted at once (REQUESTED, urgency EMERGENCY, no receiver). Each offered organization sees "
            + "only the category, region, urgency, age band, gender and needs (GET /api/referrals/offers) and may claim "
            + "it; the first claim wins and the referral becomes an ordinary accepted one with that receiver, the consent "
            + "shared with it alone. Unclaimed after mitra.referral.open.escalate-after (2 hours), or offered to nobody, it "
            + "is escalated to the coalition admins (GET /api/referrals/overdue). Honours Idempotency-Key.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "201", description = "The referral, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public Response create(@Parameter(description = "Retries with the same key and body return the first referral")
            @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OpenReferralRequest request) {
        UUID id = UUID.randomUUID();
        URI location = URI.create("/api/referrals/" + id);
        return idempotency.executeCreate(key, "referrals.open", request, location, () -> {
            Referral referral = open.create(id, request);
            return Response.created(location).tag(EntityTags.of(referral.id, referral.version))
                    .entity(referrals.view(referral)).build();
        }, stored -> {
            ReferralView view = referrals.view(UUID.fromString(stored.getPath().substring(stored.getPath().lastIndexOf('/') + 1)));
            return Response.ok(view).tag(EntityTags.of(view.id(), view.version())).build();
        });
    }

    @GET
    @Path("/offers")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "listOffers",
            summary = "Open emergency referrals offered to the caller's organization and still unclaimed, newest first: "
            + "category, region, urgency, age band, gender and needs only")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public List<OfferView> offers() {
        return open.offers();
    }

    @GET
    @Path("/offers/{id}")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "getOffer", summary = "One offer to the caller's organization while it stands (404 once claimed "
            + "by another, closed, or never offered)")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public OfferView offer(@PathParam("id") UUID id) {
        return open.offer(id);
    }

    @POST
    @Path("/offers/{id}/claim")
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN})
    @Operation(operationId = "claimOffer",
            summary = "Claim an open emergency referral for the caller's organization: the first claim wins",
            description = "A person claims, never a partner system (403): an account that claimed every emergency the moment "
            + "it is offered would collect them all. The referral becomes an ordinary one received and accepted by the "
            + "caller's organization, "
            + "whose staff then read it like any receiver (the identity too, when the consent shares it). A claim after "
            + "another organization's, or after the referral closed, is a 409; an organization it was not offered to gets "
            + "404; the claimer's own retry answers 200 with the referral again. The history names who claimed it.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ReferralView> claim(@PathParam("id") UUID id) {
        Referral referral = open.claim(id);
        return RestResponse.ResponseBuilder.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }
}
