package org.mitra.gateway.feeds;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.gateway.problem.GatewayMessages;
import org.mitra.gateway.problem.Problems;
import org.mitra.gateway.request.RequestIds;
import org.mitra.problems.ProblemType;

/**
 * The catalog of data feeds, for government liaisons and anyone else: as Mitra's own JSON list, or as a DCAT-AP 3
 * catalog (JSON-LD) for open-data portals to harvest. Both list the same feeds to every caller: the catalog is public,
 * the same for everyone (hence {@code Cache-Control: public}), and says for each feed who may read it.
 */
@Path("/api/feeds")
@Tag(name = "Feeds", description = "Catalog of the data feeds the services offer")
public class FeedCatalogResource {
    /** Names the services whose own feeds could not be listed this time (comma-separated). */
    static final String UNAVAILABLE = "Mitra-Catalog-Unavailable";
    static final MediaType LINKED_DATA = MediaType.valueOf(DcatCatalog.MEDIA_TYPE);

    @Inject
    FeedCatalog catalog;

    @Inject
    DcatCatalog dcat;

    Clock clock = Clock.systemUTC();

    @GET
    @Produces({MediaType.APPLICATION_JSON, DcatCatalog.MEDIA_TYPE})
    @Operation(operationId = "listFeeds",
            summary = "List the data feeds", description = "Title, description, URL, formats, periods, update period, "
            + "licence and access of every feed, as each service describes its own feeds, plus the live views. Public; "
            + "reading a feed itself may need a token. A service that cannot be reached is named in the "
            + UNAVAILABLE + " header and its feeds are missing (or last known) until it returns. With Accept: "
            + DcatCatalog.MEDIA_TYPE + " the same feeds come as a DCAT-AP 3 catalog in JSON-LD (context inline), for "
            + "open-data portals to harvest: a dcat:Dataset per feed (titles and descriptions in English and Bahasa "
            + "Indonesia, publisher, licence, temporal and spatial coverage, update frequency) with a dcat:Distribution "
            + "per format; format=jsonld picks it when Accept allows both (a harvester sending */*).")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FeedView.class)),
                    @Content(mediaType = DcatCatalog.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.OBJECT, description = "A DCAT-AP 3 dcat:Catalog as "
                                    + "JSON-LD: @context, @id, @type, dct:title, dct:description, dct:publisher and "
                                    + "dcat:dataset, one per feed"))},
            headers = {
                    @Header(name = UNAVAILABLE, description = "Services whose feeds could not be listed",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Vary", description = "Accept: the representation depends on it",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "format is neither json nor jsonld",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "406", description = "Accept allows neither JSON nor JSON-LD (or not the format asked for)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> list(@Context HttpHeaders headers, @Context UriInfo uri,
            @Parameter(description = "The representation, when Accept allows both: json, or jsonld (DCAT-AP 3) for a "
                    + "harvester that cannot send Accept: " + DcatCatalog.MEDIA_TYPE + " (CKAN's DCAT harvester sends */*)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "jsonld"}))
            @QueryParam("format") String format) {
        boolean linkedData;
        if (format == null) {
            linkedData = choose(headers.getAcceptableMediaTypes()).orElseThrow(NotAcceptableException::new).equals(LINKED_DATA);
        } else if (format.equals("json") || format.equals("jsonld")) {
            linkedData = format.equals("jsonld");
            if (!allows(headers.getAcceptableMediaTypes(), linkedData ? LINKED_DATA : MediaType.APPLICATION_JSON_TYPE)) {
                throw new NotAcceptableException();
            }
        } else {
            return Uni.createFrom().item(Problems.response(ProblemType.BAD_REQUEST,
                    GatewayMessages.MESSAGES.text("feeds.format"), uri.getRequestUri().getRawPath(),
                    headers.getHeaderString(RequestIds.HEADER), headers.getHeaderString(Problems.ACCEPT_LANGUAGE)));
        }
        return catalog.listing().map(listing -> {
            Response.ResponseBuilder response = linkedData
                    ? Response.ok(dcat.render(listing.feeds(), clock.instant()), LINKED_DATA)
                    : Response.ok(listing.feeds(), MediaType.APPLICATION_JSON_TYPE);
            response.header("Cache-Control", "public, max-age=60").header("Vary", "Accept");
            if (!listing.unavailable().isEmpty()) {
                response.header(UNAVAILABLE, String.join(",", listing.unavailable()));
            }
            return response.build();
        });
    }

    /**
     * The representation to send: the first acceptable type (the list comes sorted by preference) that is JSON-LD or
     * JSON; a wildcard picks JSON, as before, unless the caller refused JSON ({@code q=0}). Empty when the caller accepts
     * neither (a 406).
     */
    static Optional<MediaType> choose(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return Optional.of(MediaType.APPLICATION_JSON_TYPE);
        }
        List<MediaType> refused = acceptable.stream().filter(type -> isZero(type.getParameters().get("q"))).toList();
        for (MediaType type : acceptable) {
            if (refused.contains(type)) {
                continue;
            }
            for (MediaType offered : List.of(MediaType.APPLICATION_JSON_TYPE, LINKED_DATA)) {
                if (type.isCompatible(offered) && refused.stream().noneMatch(no -> sameType(no, offered))) {
                    return Optional.of(offered);
                }
            }
        }
        return Optional.empty();
    }

    static boolean allows(List<MediaType> acceptable, MediaType offered) {
        return acceptable.isEmpty() || acceptable.stream()
                .anyMatch(type -> !isZero(type.getParameters().get("q")) && type.isCompatible(offered))
                && acceptable.stream().noneMatch(type -> isZero(type.getParameters().get("q")) && sameType(type, offered));
    }

    private static boolean sameType(MediaType a, MediaType b) {
        return a.getType().equalsIgnoreCase(b.getType()) && a.getSubtype().equalsIgnoreCase(b.getSubtype());
    }

    private static boolean isZero(String quality) {
        if (quality == null) {
            return false;
        }
        try {
            return Double.parseDouble(quality) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
