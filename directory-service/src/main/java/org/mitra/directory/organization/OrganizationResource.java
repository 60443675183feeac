package org.mitra.directory.organization;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.directory.services.ServiceCatalog;
import org.mitra.directory.services.ServiceRequest;
import org.mitra.directory.services.ServiceView;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.web.Caller;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/directory/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "organizations", description = "The coalition's member organizations and the services they offer")
public class OrganizationResource {
    @Inject
    Organizations organizations;

    @Inject
    ServiceCatalog catalog;

    @Inject
    Caller caller;

    /** The entry as this caller may see it: the coalition's reasons only for coalition admins and the organization's staff. */
    private OrganizationView view(Organization organization) {
        return OrganizationView.of(organization, caller.hasRole(Roles.COALITION_ADMIN) || caller.isStaffOf(organization.id));
    }

    @GET
    @Operation(operationId = "listOrganizations", summary = "Verified organizations (coalition admins may list any status)")
    public Page<OrganizationView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "Only for coalition admins; others always see verified organizations")
            @QueryParam("status") OrganizationStatus status) {
        return organizations.list(status, PageRequest.of(page, size)).map(this::view);
    }

    @POST
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Operation(operationId = "registerOrganization",
            summary = "Register an organization (it starts PENDING until the coalition verifies it)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganizationView.class)))
    public RestResponse<OrganizationView> register(@Valid @NotNull OrganizationRequest request, @Context UriInfo uri) {
        Organization organization = organizations.register(request);
        return RestResponse.ResponseBuilder.<OrganizationView>created(
                        uri.getAbsolutePathBuilder().path(organization.id.toString()).build())
                .tag(EntityTags.of(organization.id, organization.version))
                .entity(view(organization))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganization",
            summary = "One organization: verified ones for anyone, others for the coalition and its own staff",
            description = "Its own staff (a staff role and the org claim together; the claim alone is not enough) read a "
                    + "pending or suspended organization's entry too, with statusReason: why the coalition suspended it.")
    public RestResponse<OrganizationView> get(@PathParam("id") UUID id) {
        Organization organization = organizations.visible(id);
        return RestResponse.ResponseBuilder.ok(view(organization))
                .tag(EntityTags.of(organization.id, organization.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @Operation(operationId = "replaceOrganization",
            summary = "Replace an organization's details (its own admins or a coalition admin; If-Match required)",
            description = "name, slug and worksWithLawEnforcement must be sent unchanged (403 forbidden, naming them under "
                    + "fields, otherwise): only a coalition decision changes them (PUT .../verification). "
                    + "An organization's own admins may edit it while it is VERIFIED, or while it is PENDING to complete "
                    + "its entry before the coalition decides; the admins of a SUSPENDED organization get 403 "
                    + "organization-not-verified (they still read their entry and the reason with GET).")
    @APIResponse(responseCode = "403", description = "Not this organization's admin (forbidden), or the organization is "
            + "suspended (organization-not-verified, with organizationId and organizationStatus)")
    @APIResponse(responseCode = "200", description = "OK")
    public RestResponse<OrganizationView> update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the organization as last read", required = true)
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull OrganizationRequest request) {
        Organization organization = organizations.update(id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(view(organization))
                .tag(EntityTags.of(organization.id, organization.version)).build();
    }

    @PUT
    @Path("/{id}/verification")
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Operation(operationId = "decideOrganizationVerification",
            summary = "Verify, suspend or reset an organization, with a reason (coalition admins)",
            description = "The one way to change an organization's name, slug or worksWithLawEnforcement (which lets it offer "
                    + "intervention services and receive intervention referrals): give them in the decision; absent ones stay "
                    + "as they are. Withdrawing worksWithLawEnforcement makes the organization's intervention services INACTIVE. Every "
                    + "decision is recorded with who made it and why (GET .../decisions).")
    public RestResponse<OrganizationView> decide(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull VerificationRequest decision) {
        Organization organization = organizations.decide(id, ifMatch, decision);
        return RestResponse.ResponseBuilder.ok(view(organization))
                .tag(EntityTags.of(organization.id, organization.version)).build();
    }

    @GET
    @Path("/{id}/decisions")
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Operation(operationId = "listOrganizationDecisions",
            summary = "The coalition's decisions on an organization, newest first, with who decided and why (coalition admins)",
            description = "Registration, every verification, suspension or return to pending, and every change of what only "
                    + "the coalition decides: name, slug and worksWithLawEnforcement.")
    public List<OrganizationDecisionView> decisions(@PathParam("id") UUID id) {
        return organizations.decisions(id).stream().map(OrganizationDecisionView::of).toList();
    }

    @GET
    @Path("/{id}/services")
    @Operation(operationId = "listOrganizationServices",
            summary = "The services an organization offers (inactive ones only for its own staff)")
    public Page<ServiceView> services(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        boolean seesConfidential = catalog.seesEverythingOf(id);
        return catalog.ofOrganization(id, PageRequest.of(page, size)).map(service -> catalog.view(service, seesConfidential));
    }

    @POST
    @Path("/{id}/services")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.COALITION_ADMIN})
    @Operation(operationId = "offerService", summary = "Offer a new service (the organization's own admins or a coalition admin)",
            description = "The admins of a VERIFIED organization, or of a PENDING one describing its first services (which "
                    + "nobody outside sees until the coalition verifies it); a SUSPENDED organization's admins get 403 "
                    + "organization-not-verified. A category of the intervention slice needs the organization's "
                    + "worksWithLawEnforcement, set only by a coalition decision (422 otherwise).")
    @APIResponse(responseCode = "403", description = "Not this organization's admin (forbidden), or the organization is "
            + "suspended (organization-not-verified)")
    @APIResponse(responseCode = "422", description = "An intervention category for an organization the coalition does not "
            + "recognise as working with law enforcement")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceView.class)))
    public RestResponse<ServiceView> offer(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest request, @Context UriInfo uri) {
        var service = catalog.offer(id, request);
        return RestResponse.ResponseBuilder.<ServiceView>created(
                        uri.getBaseUriBuilder().path("api/directory/services").path(service.id.toString()).build())
                .tag(EntityTags.of(service.id, service.version))
                .entity(catalog.view(service, true))
                .build();
    }
}
