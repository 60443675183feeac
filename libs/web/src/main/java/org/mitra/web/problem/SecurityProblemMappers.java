package org.mitra.web.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.mitra.problems.ProblemType;

/**
 * 401 and 403 from Quarkus Security as problem bodies. A 401 keeps the challenge of the
 * authentication mechanism ({@code WWW-Authenticate: Bearer}); a challenge that is not a 401 (a
 * login redirect) is passed on untouched. With proactive authentication Quarkus routes a rejected
 * bearer token here too, because these mappers exist.
 */
public class SecurityProblemMappers {
    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class}, priority = ProblemMappers.PRIORITY)
    public Uni<Response> unauthenticated(RuntimeException exception, ServerRequestContext request, UriInfo uri,
            HttpHeaders headers) {
        LocalizedProblem problem = LocalizedProblem.of(ProblemType.UNAUTHORIZED, WebMessages.MESSAGES.text("unauthorized"),
                ProblemResponses.language(headers));
        String requestId = ProblemMappers.requestId(headers);
        RoutingContext routing = request instanceof ResteasyReactiveRequestContext context
                ? context.serverRequest().unwrap(RoutingContext.class) : null;
        HttpAuthenticator authenticator = routing == null ? null : routing.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(problems.response(problem, uri.getPath(), requestId));
        }
        return authenticator.getChallenge(routing).map(challenge -> withChallenge(challenge, problem, uri, requestId));
    }

    @ServerExceptionMapper(priority = ProblemMappers.PRIORITY)
    public Response forbidden(ForbiddenException exception, UriInfo uri, HttpHeaders headers) {
        return problems.response(LocalizedProblem.of(ProblemType.FORBIDDEN, WebMessages.MESSAGES.text("forbidden.roles"),
                ProblemResponses.language(headers)), uri.getPath(), ProblemMappers.requestId(headers));
    }

    private Response withChallenge(ChallengeData challenge, LocalizedProblem problem, UriInfo uri, String requestId) {
        if (challenge == null) {
            return problems.response(problem, uri.getPath(), requestId);
        }
        Response.ResponseBuilder response = challenge.status == 401
                ? problems.builder(problem, uri.getPath(), requestId)
                : Response.status(challenge.status);
        if (challenge.getHeaders() != null) {
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
        }
        return response.build();
    }
}
