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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.mitra.referral.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.web.Roles;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralView;
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
    @Operation(operationId = "recordConsent",
            summary = "Record the person's consent on a draft (the sender)")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<ReferralView> record(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch, @Valid @NotNull Consent consent) {
        Referral referral = consents.record(id, ifMatch, consent);
        return RestResponse.ResponseBuilder.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }

    @DELETE
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP})
    @Operation(operationId = "withdrawConsent",
            summary = "Withdraw consent (the sender), or record a withdrawal told to the receiver on its open referral",
            description = "If-Match with the referral's ETag is required (428 without it, 412 when stale). The sending "
                    + "organization, which recorded the consent, withdraws it for the person: the subject's data key is "
                    + "destroyed (identity, notes and police report number unreadable everywhere, backups included) and "
                    + "the subject's open referrals are cancelled. The receiving organization may only record a withdrawal "
                    + "on an open referral it received: that referral alone is cancelled (reason CONSENT_WITHDRAWN), the "
                    + "receiver no longer reads the person's data on it, nothing is erased, and the sender sees who and why "
                    + "in the history; on a closed referral the receiver gets 409. Every withdrawal and refusal is audited "
                    + "with its reason code.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "200", description = "The referral after the withdrawal")
    @APIResponse(responseCode = "409", description = "The receiver on a referral that is no longer open")
    public RestResponse<ReferralView> withdraw(@PathParam("id") UUID id,
            @Parameter(description = "The referral's ETag as last read: required", required = true)
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull ConsentWithdrawal withdrawal) {
        Referral referral = consents.withdraw(id, ifMatch, withdrawal);
        return RestResponse.ResponseBuilder.ok(referrals.view(referral)).tag(EntityTags.of(referral.id, referral.version)).build();
    }
}
