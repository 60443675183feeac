package org.mitra.referral.external;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.referral.ApiDocs;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralView;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.idempotency.Idempotency;

@Path("/api/referrals/external")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "referrals")
public class ExternalReferralResource {
    @Inject
    ExternalReferrals external;

    @Inject
    Referrals referrals;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "recordExternalReferral",
            summary = "Record a referral to an agency outside the platform (police unit, hospital, immigration, government "
            + "service unit), from the caller's own organization",
            description = "It starts REQUESTED; the sender records each later step by hand with the same transitions (the "
            + "receiver's too: accept, reject, start, complete ...), and it counts in the loop, the demand and the KPIs like "
            + "any other. The identity is stored, in the vault only, when the consent shares IDENTITY; only the sender's "
            + "staff read it. Honours Idempotency-Key.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "201", description = "The referral, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public Response create(@Parameter(description = "Retries with the same key and body return the first referral")
            @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull ExternalReferralRequest request) {
        UUID id = UUID.randomUUID();
        URI location = URI.create("/api/referrals/" + id);
        return idempotency.executeCreate(key, "referrals.external", request, location, () -> {
            Referral referral = external.create(id, request);
            return Response.created(location).tag(EntityTags.of(referral.id, referral.version))
                    .entity(referrals.view(referral)).build();
        }, stored -> {
            ReferralView view = referrals.view(UUID.fromString(stored.getPath().substring(stored.getPath().lastIndexOf('/') + 1)));
            return Response.ok(view).tag(EntityTags.of(view.id(), view.version())).build();
        });
    }
}
