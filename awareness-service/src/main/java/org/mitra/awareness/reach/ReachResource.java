package org.mitra.awareness.reach;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/awareness/campaigns/{campaignId}/reach")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reach", description = "A campaign's public figures, without personal data")
@Transactional
public class ReachResource {
    @Inject
    Reach reach;

    @GET
    @Operation(operationId = "getCampaignReach",
            summary = "Pledges by kind, business type, country, source and month; businesses' progress; activity attendance; progress to goals")
    public ReachView get(@PathParam("campaignId") UUID campaignId) {
        return reach.of(campaignId);
    }
}
