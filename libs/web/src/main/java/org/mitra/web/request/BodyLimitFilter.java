package org.mitra.web.request;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemType;
import org.mitra.web.problem.LocalizedProblem;
import org.mitra.web.problem.Problem;
import org.mitra.web.problem.ProblemResponses;
import org.mitra.web.problem.WebMessages;

/**
 * Refuses a body whose declared length exceeds {@code quarkus.http.limits.max-body-size} with a
 * 413 problem, before Quarkus would refuse it with an empty body. A chunked body over the limit is
 * still cut off by Quarkus itself.
 */
@ApplicationScoped
public class BodyLimitFilter {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ProblemResponses problems;

    void register(@Observes Filters filters) {
        filters.register(this::refuseOversizedBody, RequestIdFilter.PRIORITY - 1);
    }

    void refuseOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (maxBodySize.isPresent() && declared != null && isLonger(declared, maxBodySize.get().asLongValue())) {
            LocalizedProblem localized = LocalizedProblem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    WebMessages.MESSAGES.text("body.too-large", maxBodySize.get().asLongValue()),
                    ProblemLanguages.negotiate(context.request().getHeader(ProblemResponses.ACCEPT_LANGUAGE)));
            Problem problem = localized.problem();
            // Added, not put: a Vary already there stays.
            context.response().headers().add(HttpHeaders.VARY, ProblemResponses.ACCEPT_LANGUAGE);
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(ProblemResponses.CONTENT_LANGUAGE, localized.languageTag())
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problems.toJson(problem.withInstance(context.normalizedPath())
                            .with(RequestIds.MDC_KEY, context.get(RequestIds.MDC_KEY))));
            return;
        }
        context.next();
    }

    private static boolean isLonger(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
