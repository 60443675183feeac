package org.mitra.directory.freshness;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.Roles;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.problem.InvalidRequestException;

@Path("/api/directory/services/freshness")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "services")
public class FreshnessResource {
    @Inject
    FreshnessReview review;

    @GET
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Operation(operationId = "listServiceFreshness",
            summary = "What is due, overdue or stale, by organization (coalition admins)",
            description = "Verified organizations by name, each with its active services at least as bad as status (DUE, the "
                    + "default, lists everything not FRESH; OVERDUE lists overdue and stale; STALE only stale), oldest "
                    + "confirmation first, each with its freshness and reasons. Thresholds: "
                    + "mitra.directory.freshness.capacity-due (P7D), details-overdue (P6M), details-stale (P12M). Paged with "
                    + "page and size like every list.")
    public Page<OrganizationFreshness> list(
            @Parameter(description = "DUE, OVERDUE or STALE: the least bad status listed", example = "OVERDUE")
            @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return review.atLeast(status(status), request);
    }

    private static FreshnessStatus status(String given) {
        if (given == null || given.isBlank()) {
            return FreshnessStatus.DUE;
        }
        try {
            FreshnessStatus status = FreshnessStatus.valueOf(given.strip().toUpperCase(Locale.ROOT));
            if (status != FreshnessStatus.FRESH) {
                return status;
            }
        } catch (IllegalArgumentException unknown) {
            // named below
        }
        throw InvalidRequestException.of("status", MESSAGES.text("field.freshness-status"));
    }
}
