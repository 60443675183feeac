package org.mitra.web.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.mitra.problems.ProblemLanguages;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.LocalizedProblem;
import org.mitra.web.problem.Problem;
import org.mitra.web.problem.ProblemResponses;
import org.mitra.web.problem.WebMessages;

/**
 * Refuses a path or query holding the NUL character ({@code %00}) with a 400 problem: no Mitra field accepts it, and
 * PostgreSQL cannot store it in text, so it would otherwise surface as a database error.
 */
@ApplicationScoped
public class NulCharacterFilter {
    @Inject
    ProblemResponses problems;

    void register(@Observes Filters filters) {
        filters.register(this::refuseNul, RequestIdFilter.PRIORITY - 1);
    }

    void refuseNul(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && (uri.indexOf('\0') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00"))) {
            int query = uri.indexOf('?');
            boolean inPath = query < 0 ? true : uri.substring(0, query).toLowerCase(Locale.ROOT).contains("%00")
                    || uri.substring(0, query).indexOf('\0') >= 0;
            LocalizedProblem localized = InvalidRequestException.of(inPath ? "path" : "query",
                    WebMessages.MESSAGES.text("field.nul-in-uri"))
                    .localized(ProblemLanguages.negotiate(context.request().getHeader(ProblemResponses.ACCEPT_LANGUAGE)));
            Problem problem = localized.problem();
            // Added, not put: a Vary already there stays.
            context.response().headers().add(HttpHeaders.VARY, ProblemResponses.ACCEPT_LANGUAGE);
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(ProblemResponses.CONTENT_LANGUAGE, localized.languageTag())
                    .end(problems.toJson(problem.withInstance(context.normalizedPath())
                            .with(RequestIds.MDC_KEY, context.get(RequestIds.MDC_KEY))));
            return;
        }
        context.next();
    }
}
