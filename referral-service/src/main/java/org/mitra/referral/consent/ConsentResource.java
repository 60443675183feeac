package org.mitra.referral.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.mitra.referral.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.Roles;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;

@Path("/api/referrals/{id}/consent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "consent", description = "Consent comes first: recorded before submission, withdrawable at any time")
public class ConsentResource {
    @Inject
    Consents consents;

    @Inject
    Referrals referrals;

    @PUT
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(summary = "Record the person's consent on a draft (the sender)")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public Response record(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch, @Valid @NotNull Consent consent) {
        Referral referral = consents.record(id, ifMatch, consent);
        return Response.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }

    @DELETE
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(summary = "Withdraw consent (either organization): erases the identity and cancels the subject's open referrals")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull ConsentWithdrawal withdrawal) {
        Referral referral = consents.withdraw(id, withdrawal);
        return Response.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }
}
