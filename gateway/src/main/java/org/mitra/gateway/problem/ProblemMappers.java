package org.mitra.gateway.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mitra.gateway.request.RequestIds;
import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/**
 * The gateway's own Quarkus REST resources ({@code /api/feeds}, {@code /problems}) refuse as problem+json too: a
 * method they do not support (405, with Allow), an Accept they cannot satisfy (406), and so on. Quarkus would answer
 * those with an empty body. A status the catalog has no type for keeps Quarkus' own answer.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String READ_ONLY = "GET, HEAD";

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpHeaders headers, HttpServerRequest request) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(exception, "Request failed with status %d", status);
        }
        if (ProblemType.forStatus(status).isEmpty()) {
            return original;
        }
        ProblemType type = ProblemType.forStatus(status).get();
        Response problem = Problems.response(type, detail(type), request.path(),
                headers.getHeaderString(RequestIds.HEADER), headers.getHeaderString(Problems.ACCEPT_LANGUAGE));
        Response.ResponseBuilder answer = Response.fromResponse(problem);
        String allow = original.getHeaderString("Allow");
        if (allow == null && status == 405) {
            // Quarkus REST leaves Allow out; every resource of the gateway's own is read-only.
            allow = READ_ONLY;
        }
        if (allow != null) {
            answer.header("Allow", allow);
        }
        return answer.build();
    }

    private static ProblemText detail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> GatewayMessages.MESSAGES.text("not-served");
            case METHOD_NOT_ALLOWED -> GatewayMessages.MESSAGES.text("method-not-allowed");
            case NOT_ACCEPTABLE -> GatewayMessages.MESSAGES.text("not-acceptable");
            case UNSUPPORTED_MEDIA_TYPE -> GatewayMessages.MESSAGES.text("unsupported-media-type");
            default -> null;
        };
    }
}
