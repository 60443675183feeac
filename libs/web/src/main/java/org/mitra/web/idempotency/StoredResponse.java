package org.mitra.web.idempotency;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * What is kept of the first response to an idempotent request: its status and where the created resource is
 * ({@code Location}), never its body. A body can hold what must not sit in a second copy at rest (a referral's note,
 * a pledge's secret token); a replay reads the resource again instead.
 */
record StoredResponse(int status, URI location) {

    /**
     * Whether the response has this status and Location. The Location a resource builds relative (as recorded here) may
     * come out absolute, made so against the request's base URI; a replay makes a relative one absolute the same way.
     */
    boolean isAnswerOf(Response response) {
        URI actual = response.getLocation();
        if (response.getStatus() != status || (actual == null) != (location == null)) {
            return false;
        }
        return actual == null || actual.equals(location) || (!location.isAbsolute() && actual.isAbsolute()
                && Objects.equals(actual.getRawPath(), location.getRawPath())
                && Objects.equals(actual.getRawQuery(), location.getRawQuery()));
    }

    Response replay(Function<URI, Response> reread) {
        Response.ResponseBuilder response = location != null
                ? Response.fromResponse(reread.apply(location)).status(status)
                : Response.status(status);
        if (location != null) {
            response.location(location);
        }
        return response.header(Idempotency.REPLAYED_HEADER, "true").build();
    }
}
