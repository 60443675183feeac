package org.mitra.awareness.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Takes the per-source limit of a {@link SourceLimited} method as a request filter, which runs after the route is
 * matched and before the method's parameters are read and validated: a source over its limit gets its 429 without
 * the service parsing or checking what it sent.
 */
public class SourceLimitFilter {
    @Inject
    SourceRateLimit rateLimit;

    @ServerRequestFilter
    public void limit(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        Method method = resource.getResourceMethod();
        SourceLimited limited = method == null ? null : method.getAnnotation(SourceLimited.class);
        if (limited == null) {
            return;
        }
        String target = context.getUriInfo().getPathParameters().getFirst(limited.value());
        UUID id;
        try {
            id = UUID.fromString(target);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return; // the route answers 404 for a malformed id; nothing to count against
        }
        rateLimit.acquire(id, request);
    }
}
