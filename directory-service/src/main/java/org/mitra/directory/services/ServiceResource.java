package org.mitra.directory.services;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/directory/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "services", description = "What the coalition's organizations offer, searchable by slice, category, region and more")
public class ServiceResource {
    @Inject
    ServiceCatalog catalog;

    @Inject
    ServiceSearchRequests searches;

    @GET
    @Operation(operationId = "searchServices",
            summary = "Search the services of verified organizations (public); filters combine with AND",
            description = "Ranked by freshness, then by name: services whose details are OVERDUE (unconfirmed for 6 months by "
                    + "default) come after the others, STALE ones (12 months) last; a capacity report that is only DUE does not "
                    + "move a service. Each result's freshness says why (reasons DETAILS_OVERDUE, DETAILS_STALE, CAPACITY_DUE), "
                    + "as at the start of the current hour (UTC).")
    public Page<ServiceView> search(
            @Parameter(description = "Slice code", example = "rehabilitation") @QueryParam("slice") String slice,
            @Parameter(description = "Category code", example = "shelter-and-safe-housing") @QueryParam("category") String category,
            @Parameter(description = "Region code; matches the region, its sub-regions and services covering all of it", example = "5171")
            @QueryParam("region") String region,
            @Parameter(description = "BCP 47 language code", example = "id") @QueryParam("language") String language,
            @Parameter(description = "FEMALE, MALE or OTHER; services open to everyone match too", example = "FEMALE")
            @QueryParam("gender") String gender,
            @Parameter(description = "Age in years the service must accept", example = "16") @QueryParam("age") Integer age,
            @Parameter(description = "Only services reporting room now") @QueryParam("available") Boolean available,
            @Parameter(description = "Free text over names and descriptions", example = "shelter") @QueryParam("q") String text,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        ServiceSearch.Viewed<ServiceView> result = searches.search(slice, category, region, language, gender, age, available, text,
                request);
        return Page.of(result.items(), request, result.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getService",
            summary = "One service; confidential locations only for its organization's staff and coalition admins",
            description = "Staff means a staff role (caseworker, org-admin, partner-app) and the org claim together, of an "
                    + "organization that is not suspended; everyone else sees the public front-gate contact only.")
    public RestResponse<ServiceView> get(@PathParam("id") UUID id) {
        Service service = catalog.visible(id);
        return RestResponse.ResponseBuilder.ok(catalog.view(service, catalog.seesEverythingOf(service.organization.id)))
                .tag(EntityTags.of(service.id, service.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @Operation(operationId = "replaceService",
            summary = "Replace a service's details (its organization's admins or a coalition admin; If-Match required)",
            description = "The admins of a VERIFIED (or still PENDING) organization; a SUSPENDED organization's admins get 403 "
                    + "organization-not-verified. A category of the intervention slice needs the organization's "
                    + "worksWithLawEnforcement, set only by a coalition decision (422 otherwise).")
    @APIResponse(responseCode = "403", description = "Not the organization's admin (forbidden), or the organization is "
            + "suspended (organization-not-verified)")
    @APIResponse(responseCode = "422", description = "An intervention category for an organization the coalition does not "
            + "recognise as working with law enforcement")
    @APIResponse(responseCode = "200", description = "OK")
    public RestResponse<ServiceView> update(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull ServiceRequest request) {
        Service service = catalog.update(id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(catalog.view(service, true))
                .tag(EntityTags.of(service.id, service.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @Operation(operationId = "withdrawService", summary = "Withdraw a service (its organization's admins or a coalition admin)",
            description = "The admins of a VERIFIED (or still PENDING) organization; a SUSPENDED organization's admins get 403 "
                    + "organization-not-verified.")
    @APIResponse(responseCode = "204", description = "Withdrawn: the service no longer appears in search or matching")
    @APIResponse(responseCode = "403", description = "Not the organization's admin (forbidden), or the organization is "
            + "suspended (organization-not-verified)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        catalog.withdraw(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/availability")
    @Operation(operationId = "getServiceAvailability", summary = "A service's capacity and whether it has room now (public)")
    public ServiceView.CapacityView availability(@PathParam("id") UUID id) {
        return catalog.view(catalog.visible(id), false).capacity();
    }

    @PUT
    @Path("/{id}/availability")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.CASEWORKER, Roles.COALITION_ADMIN})
    @Operation(operationId = "updateServiceAvailability",
            summary = "Update today's availability in one call (the organization's staff; If-Match honoured when sent)",
            description = "The organization's admins and caseworkers (role and org claim together) while it is VERIFIED; "
                    + "the staff of a PENDING or SUSPENDED organization get 403 organization-not-verified.")
    @APIResponse(responseCode = "403", description = "Not the organization's staff (forbidden), or the organization is not "
            + "verified (organization-not-verified, with organizationId and organizationStatus)")
    @APIResponse(responseCode = "200", description = "OK")
    public RestResponse<ServiceView.CapacityView> updateAvailability(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull CapacityRequest availability) {
        Service service = catalog.updateAvailability(id, ifMatch, availability);
        return RestResponse.ResponseBuilder.ok(catalog.view(service, true).capacity())
                .tag(EntityTags.of(service.id, service.version)).build();
    }

    @POST
    @Path("/{id}/confirmation")
    // No body: a client that sends no Content-Type is not refused with 415.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ORG_ADMIN, Roles.CASEWORKER, Roles.COALITION_ADMIN})
    @Operation(operationId = "confirmService",
            summary = "Confirm a service's details as still accurate, in one call (the organization's staff; If-Match honoured "
                    + "when sent)",
            description = "Sets freshness.detailsConfirmedAt to now, so OVERDUE or STALE details are FRESH again (a capacity "
                    + "report that is DUE stays due: report it with PUT availability). No body. Editing the details (PUT) "
                    + "confirms them too. The organization's admins and caseworkers (role and org claim together) while it "
                    + "is VERIFIED, or a coalition admin; the staff of a PENDING or SUSPENDED organization get 403 "
                    + "organization-not-verified, another organization's staff 403 forbidden.")
    @APIResponse(responseCode = "403", description = "Not the organization's staff (forbidden), or the organization is not "
            + "verified (organization-not-verified, with organizationId and organizationStatus)")
    @APIResponse(responseCode = "412", description = "If-Match sent and the service has changed since")
    @APIResponse(responseCode = "200", description = "Confirmed: the service with its freshness now (ETag of its new version)")
    public RestResponse<ServiceView> confirm(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        Service service = catalog.confirm(id, ifMatch);
        return RestResponse.ResponseBuilder.ok(catalog.view(service, true))
                .tag(EntityTags.of(service.id, service.version)).build();
    }
}
