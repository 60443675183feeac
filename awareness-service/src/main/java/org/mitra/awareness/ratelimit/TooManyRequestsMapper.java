package org.mitra.awareness.ratelimit;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mitra.web.problem.Problem;
import org.mitra.web.problem.ProblemResponses;
import org.mitra.web.problem.ProblemType;
import org.mitra.web.request.RequestIds;

/** Answers spam from one source with a 429 problem and the seconds to wait in Retry-After. */
public class TooManyRequestsMapper {
    static final URI TYPE = URI.create(ProblemType.BASE + "too-many-requests");

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException exception, UriInfo uri, HttpHeaders headers) {
        Problem problem = new Problem(TYPE, "Too many requests", 429,
                "Too many requests to this campaign or activity from one source; try again later", null,
                Map.of("retryAfterSeconds", exception.retryAfterSeconds));
        return problems.builder(problem, uri.getPath(), headers.getHeaderString(RequestIds.HEADER))
                .header("Retry-After", Long.toString(exception.retryAfterSeconds))
                .build();
    }
}
