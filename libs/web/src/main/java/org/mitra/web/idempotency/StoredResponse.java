package org.mitra.web.idempotency;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The first response to an idempotent request, as kept for replay: status, headers, body. */
record StoredResponse(int status, String contentType, String body, Map<String, List<String>> headers) {

    Response replay() {
        Response.ResponseBuilder response = Response.status(status).header(Idempotency.REPLAYED_HEADER, "true");
        headers.forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        if (body != null) {
            response.entity(body).type(contentType);
        }
        return response.build();
    }
}
