package org.mitra.awareness.campaign;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/awareness/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "campaigns", description = "Advocacy campaigns of the coalition's members")
public class CampaignResource {
    @Inject
    Campaigns campaigns;

    @GET
    @Operation(operationId = "listCampaigns",
            summary = "Campaigns: active and ended ones for anyone, drafts for their owner and coalition admins")
    public Page<CampaignView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "Only campaigns in this state") @QueryParam("status") Campaign.Status status,
            @Parameter(description = "Only campaigns running in this region (code)", example = "51") @QueryParam("region") String region,
            @Parameter(description = "Only campaigns aimed at this audience", example = "tourists") @QueryParam("audience") String audience) {
        return campaigns.list(status, region, audience, PageRequest.of(page, size))
                .map(campaign -> CampaignView.of(campaign, campaigns.organizationName(campaign.organizationId)));
    }

    @POST
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden: not an org-admin with an org claim, or (type organization-not-verified) the caller's organization is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "draftCampaign",
            summary = "Draft a campaign (an org-admin of a verified organization for its own organization, a coalition admin for any verified member)")
    public RestResponse<CampaignView> draft(@Valid @NotNull CampaignRequest request, @Context UriInfo uri) {
        Campaign campaign = campaigns.draft(request);
        return RestResponse.ResponseBuilder.<CampaignView>created(uri.getAbsolutePathBuilder().path(campaign.id.toString()).build())
                .tag(EntityTags.of(campaign.id, campaign.version))
                .entity(view(campaign))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCampaign", summary = "One campaign")
    public RestResponse<CampaignView> get(@PathParam("id") UUID id) {
        Campaign campaign = campaigns.visible(id);
        return RestResponse.ResponseBuilder.ok(view(campaign)).tag(EntityTags.of(campaign.id, campaign.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Forbidden: not the owner's org-admin nor a coalition admin, or (type organization-not-verified) the owner is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "replaceCampaign",
            summary = "Replace a draft or active campaign's details (the owner's org-admins while it is verified, or a coalition admin; If-Match required). "
            + "Taking a co-sponsor off the list also takes back its acceptance; named again, it must accept again")
    public RestResponse<CampaignView> update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the campaign as last read", required = true) @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull CampaignRequest request) {
        Campaign campaign = campaigns.update(id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(view(campaign)).tag(EntityTags.of(campaign.id, campaign.version)).build();
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Forbidden: not the owner's org-admin nor a coalition admin, or (type organization-not-verified) the owner is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "transitionCampaign",
            summary = "Launch a draft, end an active campaign, or cancel either (the owner's org-admins while it is verified, or a coalition admin)")
    public RestResponse<CampaignView> transition(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the campaign as last read (optional)") @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        Campaign campaign = campaigns.transition(id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(view(campaign)).tag(EntityTags.of(campaign.id, campaign.version)).build();
    }

    @POST
    @Path("/{id}/co-sponsorship")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORG_ADMIN)
    @APIResponse(responseCode = "200", description = "Accepted (or accepted before: the first acceptance holds)")
    @APIResponse(responseCode = "403", description = "Forbidden: the caller is no admin of an organization invited to co-sponsor the campaign, or (type organization-not-verified) its organization is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The campaign has ended or was cancelled", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "acceptCoSponsorship",
            summary = "Accept the invitation to co-sponsor a campaign (an org-admin of the invited, verified organization)",
            description = "Naming an organization in a campaign's coSponsors only invites it. Once its admin accepts, its staff see "
                    + "the contacts of people who pledge or register from that moment on (never those collected before); until "
                    + "then they see what the public sees.")
    public RestResponse<CampaignView> acceptCoSponsorship(@PathParam("id") UUID id) {
        Campaign campaign = campaigns.acceptCoSponsorship(id);
        return RestResponse.ResponseBuilder.ok(view(campaign)).tag(EntityTags.of(campaign.id, campaign.version)).build();
    }

    private CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign, campaigns.organizationName(campaign.organizationId));
    }
}
