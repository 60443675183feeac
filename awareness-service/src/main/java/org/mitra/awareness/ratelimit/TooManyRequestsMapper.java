package org.mitra.awareness.ratelimit;

import static org.mitra.awareness.AwarenessMessages.MESSAGES;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mitra.problems.ProblemType;
import org.mitra.web.problem.LocalizedProblem;
import org.mitra.web.problem.ProblemResponses;
import org.mitra.web.request.RequestIds;

/** Answers spam from one source with a 429 problem (the catalog's too-many-requests) and the seconds to wait. */
public class TooManyRequestsMapper {
    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException exception, UriInfo uri, HttpHeaders headers) {
        LocalizedProblem problem = LocalizedProblem.of(ProblemType.TOO_MANY_REQUESTS, MESSAGES.text("too-many-requests"),
                ProblemResponses.language(headers)).withAll(Map.of("retryAfterSeconds", exception.retryAfterSeconds));
        return problems.builder(problem, uri.getPath(), headers.getHeaderString(RequestIds.HEADER))
                .header("Retry-After", Long.toString(exception.retryAfterSeconds))
                .build();
    }
}
