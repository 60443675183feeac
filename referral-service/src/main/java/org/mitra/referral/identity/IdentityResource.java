package org.mitra.referral.identity;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestResponse;
import org.mitra.referral.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/referrals/{id}/identity")
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity", description = "The identity vault: encrypted at rest, every read and refusal audited")
public class IdentityResource {
    @Inject
    IdentityVault vault;

    @GET
    @Authenticated
    @Operation(operationId = "readReferralIdentity",
            summary = "The person's identity, for the staff of the two organizations only; every read and refusal is audited")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public RestResponse<Identity> read(@PathParam("id") UUID id) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return RestResponse.ResponseBuilder.ok(vault.read(id)).cacheControl(noStore).build();
    }
}
