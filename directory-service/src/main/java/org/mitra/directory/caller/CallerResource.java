package org.mitra.directory.caller;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.Caller;

/** Who the presented token says the caller is: lets a partner system check its service account. */
@Path("/api/directory/me")
@Tag(name = "caller", description = "Who the platform takes the caller to be: user name, roles and organization from the token")
public class CallerResource {
    @Inject
    Caller caller;

    @Schema(description = "The caller as the directory sees it")
    public record CallerView(
            @Schema(examples = "darkbali-admin") String username,
            @Schema(examples = "[\"org-admin\"]") Set<String> roles,
            @Schema(description = "Organization the caller acts for as its staff: the token's org claim, when the token also holds a staff role (caseworker, org-admin, partner-app)",
                    examples = "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000001") UUID organization) {
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCurrentCaller", summary = "The authenticated caller's user name, roles and organization")
    public CallerView me() {
        return new CallerView(caller.username(), new TreeSet<>(caller.roles()), caller.staffOrganization().orElse(null));
    }
}
