package org.mitra.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.mitra.gateway.request.RequestIds;
import org.mitra.problems.ProblemType;

/**
 * RFC 9457 problem details written by the gateway itself: type, title and status from the shared catalog
 * ({@link ProblemType}, libs/problems) and the same members as libs/web's, so a client cannot tell whether the gateway
 * or a service refused it.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static JsonObject body(ProblemType type, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status());
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem;
    }

    public static Buffer buffer(ProblemType type, String detail, String instance, String requestId) {
        return body(type, detail, instance, requestId).toBuffer();
    }

    /** The same problem as a Quarkus REST answer, for the gateway's own resources and their exception mappers. */
    public static Response response(ProblemType type, String detail, String instance, String requestId) {
        return Response.status(type.status())
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body(type, detail, instance, requestId).encode())
                .build();
    }

    /** Ends the exchange with a problem; headers already put on the response (request id, rate limit) stay. */
    public static void send(RoutingContext rc, ProblemType type, String detail) {
        send(rc, type, detail, rc.request().path());
    }

    /** As {@link #send(RoutingContext, ProblemType, String)} with another {@code instance} (none when null). */
    public static void send(RoutingContext rc, ProblemType type, String detail, String instance) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        Buffer body = buffer(type, detail, instance, RequestIds.of(rc));
        response.setStatusCode(type.status())
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
