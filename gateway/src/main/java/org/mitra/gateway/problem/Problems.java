package org.mitra.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import org.mitra.gateway.request.RequestIds;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/**
 * RFC 9457 problem details written by the gateway itself: type, title and status from the shared catalog
 * ({@link ProblemType}, libs/problems) and the same members as libs/web's, so a client cannot tell whether the gateway
 * or a service refused it. Like libs/web's, a problem is in Bahasa Indonesia when {@code Accept-Language} asks for it
 * and its title and detail are translated (GatewayMessages), otherwise in English; {@code Content-Language} says
 * which, and {@code Vary: Accept-Language} that it depends on the header.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final String VARY = "Vary";

    private Problems() {
    }

    /** A problem body and the language ({@code en}, {@code id}) its texts are in. */
    public record Localized(JsonObject body, String language) {
        public Buffer buffer() {
            return body.toBuffer();
        }
    }

    public static JsonObject body(ProblemType type, String detail, String instance, String requestId) {
        return body(type, detail == null ? null : ProblemText.english(detail), instance, requestId, null).body();
    }

    /** The problem in the language {@code acceptLanguage} (the request's header, may be null) asks for, or English. */
    public static Localized body(ProblemType type, ProblemText detail, String instance, String requestId,
            String acceptLanguage) {
        Locale language = ProblemLanguages.common(ProblemLanguages.negotiate(acceptLanguage),
                Arrays.asList(type.titleText(), detail));
        JsonObject problem = new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title(language))
                .put("status", type.status());
        if (detail != null) {
            problem.put("detail", detail.render(language));
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return new Localized(problem, ProblemLanguages.tag(language));
    }

    public static Buffer buffer(ProblemType type, String detail, String instance, String requestId) {
        return body(type, detail, instance, requestId).toBuffer();
    }

    /** The same problem as a Quarkus REST answer, for the gateway's own resources and their exception mappers. */
    public static Response response(ProblemType type, String detail, String instance, String requestId) {
        return response(type, detail == null ? null : ProblemText.english(detail), instance, requestId, null);
    }

    /** As {@link #response(ProblemType, String, String, String)}, in the language {@code acceptLanguage} asks for. */
    public static Response response(ProblemType type, ProblemText detail, String instance, String requestId,
            String acceptLanguage) {
        Localized problem = body(type, detail, instance, requestId, acceptLanguage);
        return Response.status(type.status())
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .header(CONTENT_LANGUAGE, problem.language())
                .header(VARY, ACCEPT_LANGUAGE)
                .entity(problem.body().encode())
                .build();
    }

    /** Ends the exchange with a problem; headers already put on the response (request id, rate limit) stay. */
    public static void send(RoutingContext rc, ProblemType type, String detail) {
        send(rc, type, detail, rc.request().path());
    }

    /** As {@link #send(RoutingContext, ProblemType, String)} with another {@code instance} (none when null). */
    public static void send(RoutingContext rc, ProblemType type, String detail, String instance) {
        send(rc, type, detail == null ? null : ProblemText.english(detail), instance);
    }

    /** Ends the exchange with a problem in the language the request's Accept-Language asks for, where translated. */
    public static void send(RoutingContext rc, ProblemType type, ProblemText detail) {
        send(rc, type, detail, rc.request().path());
    }

    /** As {@link #send(RoutingContext, ProblemType, ProblemText)} with another {@code instance} (none when null). */
    public static void send(RoutingContext rc, ProblemType type, ProblemText detail, String instance) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        Localized problem = body(type, detail, instance, RequestIds.of(rc), rc.request().getHeader(ACCEPT_LANGUAGE));
        response.setStatusCode(type.status())
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader(CONTENT_LANGUAGE, problem.language());
        // Added, not put: a Vary already there (Origin, from CORS) stays.
        response.headers().add(VARY, ACCEPT_LANGUAGE);
        response.end(problem.buffer());
    }
}
