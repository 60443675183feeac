package org.mitra.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.mitra.problems.ProblemLanguages;
import org.mitra.web.request.RequestIds;

/**
 * Turns a {@link Problem} into an {@code application/problem+json} response carrying the request's
 * path and id. The body is written here as text so content negotiation can never turn it into
 * something else: a client that accepts only CSV still gets a readable error.
 *
 * <p>Every problem says its language ({@code Content-Language: en} or {@code id}) and that the answer depends on
 * {@code Accept-Language} ({@code Vary}); a problem given without a language is English.
 */
@ApplicationScoped
public class ProblemResponses {
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";

    @Inject
    ObjectMapper json;

    /** The language the request asks problems to be answered in ({@link ProblemLanguages#negotiate}). */
    public static Locale language(HttpHeaders headers) {
        return ProblemLanguages.negotiate(headers == null ? null : headers.getHeaderString(ACCEPT_LANGUAGE));
    }

    public Response.ResponseBuilder builder(Problem problem, String path, String requestId) {
        return builder(LocalizedProblem.english(problem), path, requestId);
    }

    public Response.ResponseBuilder builder(LocalizedProblem problem, String path, String requestId) {
        return Response.status(problem.problem().status())
                .type(Problem.MEDIA_TYPE)
                .header(CONTENT_LANGUAGE, problem.languageTag())
                .header(HttpHeaders.VARY, ACCEPT_LANGUAGE)
                .entity(toJson(complete(problem.problem(), path, requestId)));
    }

    public Response response(Problem problem, String path, String requestId) {
        return builder(problem, path, requestId).build();
    }

    public Response response(LocalizedProblem problem, String path, String requestId) {
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
