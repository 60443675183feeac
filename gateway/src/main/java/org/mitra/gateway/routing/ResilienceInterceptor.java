package org.mitra.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.mitra.gateway.problem.GatewayMessages;
import org.mitra.gateway.problem.Problems;
import org.mitra.problems.ProblemMessages;
import org.mitra.problems.ProblemText;
import org.mitra.problems.ProblemType;

/**
 * Turns what can go wrong between the gateway and a service into problem+json: unreachable or breaker open → 503
 * (with {@code Retry-After} when the breaker knows), no answer within the route's response timeout → 504, a
 * connection dropped mid-way → 502, a streamed body over the limit → 413. Feeds the outcome to the breaker; a call
 * the client abandoned (it closed its connection) is no outcome of the service's and is not counted.
 */
final class ResilienceInterceptor implements ProxyInterceptor {
    static final String LIMITED_BODY = "mitra.limitedBody";
    private static final Logger LOG = Logger.getLogger(ResilienceInterceptor.class);
    private static final ProblemMessages MESSAGES = GatewayMessages.MESSAGES;

    private final Backend backend;

    ResilienceInterceptor(Backend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest()
                .onSuccess(response -> backend.breaker().onSuccess())
                .recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        LimitedReadStream limited = context.get(LIMITED_BODY, LimitedReadStream.class);
        ProblemType type;
        ProblemText detail;
        long retryAfter = 0;
        if (context.request().proxiedRequest().response().closed()) {
            // The client hung up, so the proxy reset the forwarded call: no answer to give, and not the service's fault.
            backend.breaker().onAbandoned();
            LOG.debugf("%s call abandoned by the client", backend.name());
            type = ProblemType.BAD_GATEWAY;
            detail = MESSAGES.text("client.closed");
        } else if (limited != null && limited.exceeded()) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
            detail = MESSAGES.text("body.too-large", backend.maxBodySize());
        } else if (failure instanceof BackendUnavailableException unavailable) {
            if (!unavailable.breakerOpen()) {
                backend.breaker().onFailure();
            }
            type = ProblemType.SERVICE_UNAVAILABLE;
            detail = MESSAGES.text("service.unreachable", backend.name());
            retryAfter = unavailable.breakerOpen() ? unavailable.retryAfterSeconds() : 1;
        } else if (failure instanceof TimeoutException) {
            backend.breaker().onFailure();
            type = ProblemType.GATEWAY_TIMEOUT;
            detail = MESSAGES.text("service.timeout", backend.name());
        } else {
            backend.breaker().onFailure();
            type = ProblemType.BAD_GATEWAY;
            detail = MESSAGES.text("service.failed", backend.name());
        }
        if (failure instanceof BackendUnavailableException unavailable && unavailable.breakerOpen()) {
            LOG.debugf("%s breaker open → 503", backend.name());
        } else if (!context.request().proxiedRequest().response().closed()) {
            LOG.warnf("%s %s → %d: %s", backend.name(), type.slug(), type.status(), failure.getMessage());
        }
        ProxyRequest request = context.request();
        String requestId = request.proxiedRequest().getHeader("X-Request-Id");
        Problems.Localized problem = Problems.body(type, detail, request.proxiedRequest().path(), requestId,
                request.proxiedRequest().getHeader(Problems.ACCEPT_LANGUAGE));
        Buffer body = problem.buffer();
        if (request.getBody() != null) {
            request.release();
        }
        ProxyResponse response = request.response()
                .setStatusCode(type.status())
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader(Problems.CONTENT_LANGUAGE, problem.language())
                .putHeader(Problems.VARY, Problems.ACCEPT_LANGUAGE)
                .setBody(Body.body(body));
        if (retryAfter > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfter));
        }
        if (type == ProblemType.PAYLOAD_TOO_LARGE) {
            response.putHeader("Connection", "close");
        }
        return response;
    }
}
