package org.mitra.referral.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.Roles;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/referrals/audit")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "audit", description = "Who read or was refused a survivor's identity, and consent withdrawals")
public class AuditResource {
    @Inject
    AuditLog log;

    @Inject
    AuditChain chain;

    @GET
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Operation(operationId = "listAuditEntries",
            summary = "The append-only audit log, newest first (coalition admins)")
    public Page<AuditEntryView> list(@Parameter(description = "Only entries about this referral") @QueryParam("referralId") UUID referralId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return log.list(referralId, PageRequest.of(page, size)).map(AuditEntryView::of);
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.COALITION_ADMIN)
    @APIResponse(responseCode = "200", description = "Whether the hash chain is intact and, if not, where it first breaks")
    @Operation(operationId = "verifyAuditChain",
            summary = "Walks the audit log's hash chain and tells whether any entry was edited, deleted or cut off "
            + "(coalition admins); never shows the entries")
    public AuditChain.Verification verify() {
        return chain.verify();
    }
}
