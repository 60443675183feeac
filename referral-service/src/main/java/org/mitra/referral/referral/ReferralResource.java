package org.mitra.referral.referral;

import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.mitra.referral.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.idempotency.Idempotency;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "referrals", description = "Closed-loop referrals between the coalition's organizations")
public class ReferralResource {
    @Inject
    Referrals referrals;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "sendReferral",
            summary = "Refer a person to another organization, from the caller's own organization",
            description = "Starts as DRAFT, or REQUESTED with submit: true (consent required). Honours Idempotency-Key.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    // The one raw Response left: libs/web's Idempotency stores and replays a Response, so the body type is said here.
    @APIResponse(responseCode = "201", description = "The referral, with its Location and ETag; a retry with the same "
            + "Idempotency-Key and body answers with the referral as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public Response create(@Parameter(description = "Retries with the same key and body return the first referral")
            @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull ReferralRequest request) {
        // The id is made first, so the Idempotency-Key's claim records the answer (201 and this Location) in the same
        // statement, instead of a second one after the create (issue 14).
        UUID id = UUID.randomUUID();
        URI location = URI.create("/api/referrals/" + id);
        return idempotency.executeCreate(key, "referrals.create", request, location, () -> {
            Referral referral = referrals.create(id, request);
            return Response.created(location)
                    .tag(EntityTags.of(referral.id, referral.version))
                    .entity(referrals.view(referral))
                    .build();
        }, stored -> get(UUID.fromString(stored.getPath().substring(stored.getPath().lastIndexOf('/') + 1))).toResponse());
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP, Roles.COALITION_ADMIN})
    @Operation(operationId = "listReferrals",
            summary = "Referrals the caller's organization sent or received (coalition admins: metadata of all)")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public Page<ReferralView> list(
            @Parameter(description = "sent or received (required for an organization's staff)") @QueryParam("box") String box,
            @QueryParam("status") ReferralStatus status,
            @Parameter(description = "Only referrals changed at or after this time, for polling", example = "2026-05-04T00:00:00Z")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Only referrals whose follow-up was due before today and is not recorded done (the "
                    + "receiver's queue)", example = "true") @QueryParam("followUpOwed") Boolean followUpOwed,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return referrals.list(box, status, updatedSince, Boolean.TRUE.equals(followUpOwed), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getReferral",
            summary = "One referral: the two organizations' staff see it all but the identity, coalition admins its metadata")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ReferralView> get(@PathParam("id") UUID id) {
        ReferralView view = referrals.view(id);
        return RestResponse.ResponseBuilder.ok(view).tag(EntityTags.of(view.id(), view.version())).build();
    }
}
