package org.mitra.gateway.feeds;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog of data feeds, for government liaisons and anyone else. */
@Path("/api/feeds")
@Tag(name = "Feeds", description = "Catalog of the data feeds the services offer")
public class FeedCatalogResource {
    /** Names the services whose own feeds could not be listed this time (comma-separated). */
    static final String UNAVAILABLE = "Mitra-Catalog-Unavailable";

    @Inject
    FeedCatalog catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFeeds",
            summary = "List the data feeds", description = "Title, description, URL, formats, periods, update period, "
            + "licence and access of every feed, as each service describes its own feeds, plus the live views. Public; "
            + "reading a feed itself may need a token. A service that cannot be reached is named in the "
            + UNAVAILABLE + " header and its feeds are missing (or last known) until it returns.")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FeedView.class)),
            headers = @Header(name = UNAVAILABLE, description = "Services whose feeds could not be listed",
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> list() {
        return catalog.listing().map(listing -> {
            Response.ResponseBuilder response = Response.ok(listing.feeds()).header("Cache-Control", "public, max-age=60");
            if (!listing.unavailable().isEmpty()) {
                response.header(UNAVAILABLE, String.join(",", listing.unavailable()));
            }
            return response.build();
        });
    }
}
