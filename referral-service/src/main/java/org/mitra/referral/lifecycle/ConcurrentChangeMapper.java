package org.mitra.referral.lifecycle;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.ProblemResponses;
import org.mitra.web.request.RequestIds;

/** A concurrent change that only shows at commit is still the client's 409, never a 500. */
public class ConcurrentChangeMapper {
    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper
    public Response stale(OptimisticLockException exception, UriInfo uri, HttpHeaders headers) {
        ConflictException conflict = new ConflictException(
                "The referral was changed at the same time by another request; read it again and retry");
        return problems.response(conflict.toProblem(), uri.getPath(), headers.getHeaderString(RequestIds.HEADER));
    }
}
