package org.mitra.awareness.activity;

import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.web.Roles;
import org.mitra.awareness.ratelimit.SourceLimited;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/awareness/campaigns/{campaignId}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "activities", description = "Talks, trainings, workshops and stands of a campaign, with registration and a waiting list")
public class ActivityResource {
    @Inject
    Activities activities;

    @GET
    @Operation(operationId = "listActivities", summary = "A campaign's activities, soonest first, with places left")
    public Page<ActivityView> list(@PathParam("campaignId") UUID campaignId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(activities.of(campaignId, request).stream().map(this::view).toList(), request, activities.countOf(campaignId));
    }

    @POST
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden: not the owner's org-admin nor a coalition admin, or (type organization-not-verified) the owner is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "addActivity",
            summary = "Add an activity to a campaign (the owner's org-admins while it is verified, or a coalition admin)")
    public RestResponse<ActivityView> add(@PathParam("campaignId") UUID campaignId, @Valid @NotNull ActivityRequest request, @Context UriInfo uri) {
        Activity activity = activities.add(campaignId, request);
        return RestResponse.ResponseBuilder.<ActivityView>created(uri.getAbsolutePathBuilder().path(activity.id.toString()).build())
                .tag(EntityTags.of(activity.id, activity.version)).entity(view(activity)).build();
    }

    @GET
    @Path("/{activityId}")
    @Operation(operationId = "getActivity", summary = "One activity")
    public RestResponse<ActivityView> get(@PathParam("campaignId") UUID campaignId, @PathParam("activityId") UUID activityId) {
        Activity activity = activities.visible(campaignId, activityId);
        return RestResponse.ResponseBuilder.ok(view(activity)).tag(EntityTags.of(activity.id, activity.version)).build();
    }

    @PUT
    @Path("/{activityId}")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Forbidden: not the owner's org-admin nor a coalition admin, or (type organization-not-verified) the owner is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "replaceActivity",
            summary = "Replace an activity's details, e.g. its capacity or the attendance counted afterwards (the owner's org-admins while it is verified, or a coalition admin; If-Match required)")
    public RestResponse<ActivityView> update(@PathParam("campaignId") UUID campaignId, @PathParam("activityId") UUID activityId,
            @Parameter(description = "The ETag of the activity as last read", required = true) @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull ActivityRequest request) {
        Activity activity = activities.update(campaignId, activityId, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(view(activity)).tag(EntityTags.of(activity.id, activity.version)).build();
    }

    @POST
    @SourceLimited("activityId")
    @Path("/{activityId}/registrations")
    @APIResponse(responseCode = "201", description = "A place or a place on the waiting list; keep the token", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationReceipt.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from one source to this target (the connection's address, or the X-Forwarded-For address when the connection comes from a trusted proxy such as the gateway), counted before the body is read or validated; wait for Retry-After seconds", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "registerForActivity",
            summary = "Register for an activity without an account (a place, or the waiting list when full)")
    public RestResponse<RegistrationReceipt> register(@PathParam("campaignId") UUID campaignId, @PathParam("activityId") UUID activityId,
            @Valid @NotNull RegistrationRequest request) {
        Activities.Registered registered = activities.register(campaignId, activityId, request);
        Registration registration = registered.registration();
        return RestResponse.ResponseBuilder.<RegistrationReceipt>created(URI.create("/api/awareness/campaigns/" + campaignId + "/activities/" + activityId
                        + "/registrations/" + registration.id))
                .entity(new RegistrationReceipt(registration.id, activityId, registration.status, registered.waitlistPosition(),
                        registered.token()))
                .build();
    }

    @GET
    @Path("/{activityId}/registrations")
    @RolesAllowed("**")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Forbidden: not the staff of the owner or of a co-sponsor that accepted, or (type organization-not-verified) the caller's organization is pending, suspended or unknown", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(operationId = "listRegistrations",
            summary = "Who registered, with contacts: only for the staff (a staff role and the org claim) of the campaign's verified owner, "
            + "and of a verified co-sponsor that accepted, for those who registered after it accepted")
    public Page<RegistrationView> registrations(@PathParam("campaignId") UUID campaignId, @PathParam("activityId") UUID activityId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return activities.registrations(campaignId, activityId, PageRequest.of(page, size)).map(RegistrationView::of);
    }

    @DELETE
    @Path("/{activityId}/registrations/{registrationId}")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "404", description = "Not Found: no such registration here, or the token is not its own (the same answer either way)")
    @Operation(operationId = "cancelRegistration",
            summary = "Cancel a registration with its token; the first on the waiting list takes the place")
    public Response cancel(@PathParam("campaignId") UUID campaignId, @PathParam("activityId") UUID activityId,
            @PathParam("registrationId") UUID registrationId,
            @Parameter(description = "The token from the registration's receipt", required = true)
            @HeaderParam(Activities.TOKEN_HEADER) String token) {
        activities.cancel(campaignId, activityId, registrationId, token);
        return Response.noContent().build();
    }

    private ActivityView view(Activity activity) {
        return ActivityView.of(activity, activities.count(activity, Registration.Status.REGISTERED),
                activities.count(activity, Registration.Status.WAITLISTED));
    }
}
