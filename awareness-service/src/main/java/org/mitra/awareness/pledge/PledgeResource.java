package org.mitra.awareness.pledge;

import static org.mitra.awareness.AwarenessMessages.MESSAGES;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.awareness.ratelimit.SourceLimited;
import org.mitra.web.idempotency.Idempotency;
import org.mitra.web.problem.ResourceNotFoundException;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/awareness/campaigns/{campaignId}/pledges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "pledges", description = "Public pledges by visitors and tourism businesses, made without an account")
public class PledgeResource {
    @Inject
    Pledges pledges;

    @Inject
    Idempotency idempotency;

    @POST
    @SourceLimited("campaignId")
    @APIResponse(responseCode = "201", description = "Pledged; keep the token", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PledgeReceipt.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    @APIResponse(responseCode = "429", description = "Too many requests from one source to this target (the connection's address, or the X-Forwarded-For address when the connection comes from a trusted proxy such as the gateway), counted before the body is read or validated; wait for Retry-After seconds", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "pledge",
            summary = "Pledge to an active campaign (no account; honours Idempotency-Key; the receipt's token is shown only once)",
            description = "A retry with the same Idempotency-Key and the same body answers 201 with the pledge as it is now "
                    + "and Idempotent-Replayed: true, but without the token: it is shown once and kept nowhere readable. "
                    + "Keys of anonymous callers are bound to the body, so another visitor's key replays nothing.")
    public Response pledge(@PathParam("campaignId") UUID campaignId,
            @Parameter(description = "Makes a retry safe: the same key and body give the same receipt")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull PledgeRequest request, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "pledges.create:" + campaignId, request, () -> {
            Pledges.Made made = pledges.pledge(campaignId, request);
            Pledge pledge = made.pledge();
            String self = "/api/awareness/campaigns/" + campaignId + "/pledges/" + pledge.id;
            PledgeReceipt receipt = new PledgeReceipt(pledge.id, campaignId, pledge.kind, pledge.commitment, pledge.createdAt,
                    made.token(), self + "/unsubscribe?token=" + made.token());
            return Response.created(URI.create(self)).entity(receipt).build();
        }, location -> Response.ok(replayedReceipt(campaignId, location)).build());
    }

    /**
     * A retry's receipt: the pledge as it is now, without its token. The token is shown once; the idempotency store
     * keeps no copy of it, so a retry cannot give it again (nor to anyone else who sends the same key).
     */
    private static PledgeReceipt replayedReceipt(UUID campaignId, URI location) {
        String path = location.getPath();
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        Pledge pledge = Pledge.<Pledge>findByIdOptional(id).filter(found -> found.campaignId.equals(campaignId))
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.pledge"), id));
        return new PledgeReceipt(pledge.id, campaignId, pledge.kind, pledge.commitment, pledge.createdAt, null, null);
    }

    @GET
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Forbidden (type organization-not-verified): the caller is staff of the campaign's owner or of a co-sponsor, and that organization is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "listPledges",
            summary = "A campaign's pledges and each business's progress; emails (with the pledger's consent) only for the staff "
            + "(a staff role and the org claim) of the verified owner, and of a verified co-sponsor that accepted, for pledges made after it accepted")
    public Page<PledgeView> list(@PathParam("campaignId") UUID campaignId,
            @Parameter(description = "Only pledges of this kind, e.g. BUSINESS for the businesses' progress") @QueryParam("kind") Pledge.Kind kind,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return pledges.list(campaignId, kind, PageRequest.of(page, size));
    }

    @PUT
    @Path("/{pledgeId}/checklist")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not Found: no such pledge here, or the token is not its own (the same answer either way)")
    @Operation(operationId = "updatePledgeChecklist",
            summary = "A business updates which criteria of the child-protection code it meets (with its pledge token)")
    public PledgeView checklist(@PathParam("campaignId") UUID campaignId, @PathParam("pledgeId") UUID pledgeId,
            @Parameter(description = "The token from the pledge's receipt", required = true) @HeaderParam(Pledges.TOKEN_HEADER) String token,
            @Valid @NotNull ChecklistRequest request) {
        return PledgeView.of(pledges.updateChecklist(campaignId, pledgeId, token, request), false);
    }

    @POST
    @Path("/{pledgeId}/unsubscribe")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "Not Found: no such pledge here, or the token is not its own (the same answer either way)")
    @Operation(operationId = "unsubscribeFromPledge",
            summary = "Stop all contact about this pledge and forget its email (one-click link with the pledge token)")
    public Response unsubscribe(@PathParam("campaignId") UUID campaignId, @PathParam("pledgeId") UUID pledgeId,
            @Parameter(description = "The token from the pledge's receipt", required = true) @QueryParam("token") String token) {
        pledges.unsubscribe(campaignId, pledgeId, token);
        return Response.noContent().build();
    }

    @GET
    @Path("/{pledgeId}/unsubscribe")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "Not Found: no such pledge here, or the token is not its own (the same answer either way)")
    @Operation(operationId = "unsubscribeFromPledgeByLink",
            summary = "Stop all contact about this pledge, as a link followed from an email (same as the POST)")
    public Response unsubscribeByLink(@PathParam("campaignId") UUID campaignId, @PathParam("pledgeId") UUID pledgeId,
            @Parameter(description = "The token from the pledge's receipt", required = true) @QueryParam("token") String token) {
        return unsubscribe(campaignId, pledgeId, token);
    }

    @DELETE
    @Path("/{pledgeId}")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "Not Found: no such pledge here, or the token is not its own (the same answer either way)")
    @Operation(operationId = "erasePledge", summary = "Erase a pledge on its maker's request (with the pledge token)")
    public Response erase(@PathParam("campaignId") UUID campaignId, @PathParam("pledgeId") UUID pledgeId,
            @Parameter(description = "The token from the pledge's receipt", required = true) @HeaderParam(Pledges.TOKEN_HEADER) String token) {
        pledges.erase(campaignId, pledgeId, token);
        return Response.noContent().build();
    }
}
