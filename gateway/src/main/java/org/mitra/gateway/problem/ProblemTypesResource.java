package org.mitra.gateway.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.gateway.request.RequestIds;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemType;

/**
 * The pages the problem types point at. A problem body's {@code type} is {@code /problems/<slug>}, relative to the
 * URL that answered, so following it from any API answer lands here, on the deployment's own gateway. JSON by
 * default, an HTML page when the client prefers it (a browser); both come from the one catalog in libs/problems.
 */
@Path("/problems")
@Tag(name = "Problem types", description = "What each problem type a Mitra API answers with means")
public class ProblemTypesResource {
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.TEXT_HTML_TYPE).build();
    /** The pages change only with a release of the platform. */
    private static final String CACHE_CONTROL = "public, max-age=3600";
    private static final String VARY = "Accept, Accept-Language";
    /** The HTML pages load nothing and run nothing; their only style is inline. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    @Context
    Request request;

    @GET
    @Operation(operationId = "listProblemTypes",
            summary = "List the problem types", description = "Every problem type, with its title, status and "
            + "description. application/json by default; text/html for a browser. In Bahasa Indonesia when "
            + "Accept-Language prefers id (Content-Language says which).")
    @APIResponse(responseCode = "200", description = "The catalog of problem types", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProblemTypeView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response list(@Context HttpHeaders headers) {
        List<ProblemType> types = Arrays.asList(ProblemType.values());
        Locale language = language(headers);
        return html()
                ? page(ProblemPages.catalog(types, language), language)
                : json(types.stream().map(type -> ProblemTypeView.of(type, language)).toList(), language);
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getProblemType",
            summary = "Describe a problem type", description = "What the problem type /problems/{slug} means and "
            + "what a client can do about it. application/json by default; text/html for a browser.")
    @APIResponse(responseCode = "200", description = "The problem type", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProblemTypeView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No problem type has this slug",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response describe(@PathParam("slug") String slug, @Context HttpHeaders headers,
            @Context HttpServerRequest server) {
        Optional<ProblemType> type = ProblemType.forSlug(slug);
        if (type.isEmpty()) {
            return Problems.response(ProblemType.NOT_FOUND, GatewayMessages.MESSAGES.text("no-problem-type"),
                    server.path(), headers.getHeaderString(RequestIds.HEADER),
                    headers.getHeaderString(Problems.ACCEPT_LANGUAGE));
        }
        Locale language = language(headers);
        return html() ? page(ProblemPages.type(type.get(), language), language)
                : json(ProblemTypeView.of(type.get(), language), language);
    }

    /** English, or Bahasa Indonesia when Accept-Language prefers it: every type has both (libs/problems). */
    private static Locale language(HttpHeaders headers) {
        return ProblemLanguages.negotiate(headers.getHeaderString(Problems.ACCEPT_LANGUAGE));
    }

    /** The client prefers HTML to JSON; anything else, or nothing acceptable, gets JSON. */
    private boolean html() {
        Variant chosen = request.selectVariant(VARIANTS);
        return chosen != null && MediaType.TEXT_HTML_TYPE.isCompatible(chosen.getMediaType());
    }

    private static Response json(Object entity, Locale language) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE)
                .header("Vary", VARY)
                .header(Problems.CONTENT_LANGUAGE, ProblemLanguages.tag(language))
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }

    private static Response page(String html, Locale language) {
        return Response.ok(html, MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Vary", VARY)
                .header(Problems.CONTENT_LANGUAGE, ProblemLanguages.tag(language))
                .header("Cache-Control", CACHE_CONTROL)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .build();
    }
}
