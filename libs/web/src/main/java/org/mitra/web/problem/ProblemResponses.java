package org.mitra.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import org.mitra.web.request.RequestIds;

/**
 * Turns a {@link Problem} into an {@code application/problem+json} response carrying the request's
 * path and id. The body is written here as text so content negotiation can never turn it into
 * something else: a client that accepts only CSV still gets a readable error.
 */
@ApplicationScoped
public class ProblemResponses {
    @Inject
    ObjectMapper json;

    public Response.ResponseBuilder builder(Problem problem, String path, String requestId) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(toJson(complete(problem, path, requestId)));
    }

    public Response response(Problem problem, String path, String requestId) {
        return builder(problem, path, requestId).build();
    }

    public String toJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Problem complete(Problem problem, String path, String requestId) {
        Problem complete = problem.instance() == null && path != null ? problem.withInstance(path) : problem;
        return requestId == null ? complete : complete.with(RequestIds.MDC_KEY, requestId);
    }
}
