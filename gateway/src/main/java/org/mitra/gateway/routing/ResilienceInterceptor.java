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
import org.mitra.gateway.problem.Problems;
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
        String detail;
        long retryAfter = 0;
        if (context.request().proxiedRequest().response().closed()) {
            // The client hung up, so the proxy reset the forwarded call: no answer to give, and not the service's fault.
            backend.breaker().onAbandoned();
            LOG.debugf("%s call abandoned by the client", backend.name());
            type = ProblemType.BAD_GATEWAY;
            detail = "The client closed the connection.";
        } else if (limited != null && limited.exceeded()) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
            detail = "The request body is larger than this route accepts (" + backend.maxBodySize() + " bytes).";
        } else if (failure instanceof BackendUnavailableException unavailable) {
            if (!unavailable.breakerOpen()) {
                backend.breaker().onFailure();
            }
            type = ProblemType.SERVICE_UNAVAILABLE;
            detail = "The " + backend.name() + " service cannot be reached right now.";
            retryAfter = unavailable.breakerOpen() ? unavailable.retryAfterSeconds() : 1;
        } else if (failure instanceof TimeoutException) {
            backend.breaker().onFailure();
            type = ProblemType.GATEWAY_TIMEOUT;
            detail = "The " + backend.name() + " service did not answer in time.";
        } else {
            backend.breaker().onFailure();
            type = ProblemType.BAD_GATEWAY;
            detail = "The connection to the " + backend.name() + " service failed.";
        }
        if (failure instanceof BackendUnavailableException unavailable && unavailable.breakerOpen()) {
            LOG.debugf("%s breaker open → 503", backend.name());
        } else if (!context.request().proxiedRequest().response().closed()) {
            LOG.warnf("%s %s → %d: %s", backend.name(), type.slug(), type.status(), failure.getMessage());
        }
        ProxyRequest request = context.request();
        String requestId = request.proxiedRequest().getHeader("X-Request-Id");
        Buffer body = Problems.buffer(type, detail, request.proxiedRequest().path(), requestId);
        if (request.getBody() != null) {
            request.release();
        }
        ProxyResponse response = request.response()
                .setStatusCode(type.status())
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
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
