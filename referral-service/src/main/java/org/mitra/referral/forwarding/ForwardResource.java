package org.mitra.referral.forwarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.referral.ApiDocs;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralView;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.Roles;
import org.mitra.web.etag.EntityTags;

@Path("/api/referrals/{id}/forward")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "lifecycle")
public class ForwardResource {
    @Inject
    Forwarding forwarding;

    @Inject
    Referrals referrals;

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "forwardReferral",
            summary = "Forward a referral that expired unanswered or was rejected for want of capacity (the sender): a new "
            + "referral to the next ranked match, submitted at once under consent confirmed again for it",
            description = "Allowed once per referral, when it is CANCELLED with reason EXPIRED or REJECTED with reason "
            + "NO_CAPACITY. The next match leaves out the sender and every organization the person was already referred "
            + "to along the chain, and those reporting no room; receivingOrganizationId picks another of the matches. The "
            + "two referrals name each other (forwardedFromId, forwardedToId) for the sender and coalition admins, never "
            + "for a receiver. A second forward of the same referral is a 409 naming the first one's result.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ReferralView> forward(@PathParam("id") UUID id, @Valid @NotNull ForwardRequest request) {
        Referral forwarded = forwarding.forward(id, request);
        return RestResponse.ResponseBuilder.<ReferralView>created(URI.create("/api/referrals/" + forwarded.id))
                .entity(referrals.view(forwarded)).tag(EntityTags.of(forwarded.id, forwarded.version)).build();
    }
}
