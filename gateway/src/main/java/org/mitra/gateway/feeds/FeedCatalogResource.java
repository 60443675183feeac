package org.mitra.gateway.feeds;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.gateway.GatewayConfig;

/** The catalog of data feeds, for government liaisons and anyone else; from configuration for now. */
@Path("/api/feeds")
@Tag(name = "Feeds", description = "Catalog of the data feeds the services offer")
public class FeedCatalogResource {
    @Inject
    GatewayConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the data feeds", description = "Title, description, URL, formats, update period, licence and "
            + "availability of every feed. Public; reading a feed itself may need a token.")
    public List<FeedView> list() {
        return config.feeds().entrySet().stream()
                .map(entry -> {
                    GatewayConfig.Feed feed = entry.getValue();
                    return new FeedView(entry.getKey(), feed.title(), feed.description(), feed.url(),
                            List.copyOf(feed.formats()), feed.updatePeriod(), feed.licence(), feed.status(),
                            feed.access(), feed.service().orElse(null));
                })
                .sorted(Comparator.comparing(FeedView::id))
                .toList();
    }
}
