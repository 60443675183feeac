package org.mitra.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.mitra.gateway.routing.Backend;
import org.mitra.gateway.routing.Backends;

/**
 * Reports each service's own readiness (its {@code /q/health/ready}, short timeout) and its breaker. The check
 * itself stays UP when a service is down: the other routes still work, and taking the only front door out of the
 * load balancer because one service is away would turn a partial outage into a full one.
 */
@Readiness
@ApplicationScoped
public class BackendsReadinessCheck implements AsyncHealthCheck {
    static final long TIMEOUT_MILLIS = 1_000;

    @Inject
    Backends backends;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Backend> all = List.copyOf(backends.all());
        List<Future<String>> states = all.stream().map(BackendsReadinessCheck::state).toList();
        Future<HealthCheckResponse> response = Future.join(states).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("backends").up();
            for (int i = 0; i < all.size(); i++) {
                builder.withData(all.get(i).name(), states.get(i).result());
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private static Future<String> state(Backend backend) {
        String breaker = ", breaker " + backend.breaker().state().name().toLowerCase();
        return backend.readiness(TIMEOUT_MILLIS)
                .map(status -> (status == 200 ? "UP" : "DOWN (status " + status + ")") + breaker)
                .otherwise(failure -> "DOWN (unreachable)" + breaker);
    }
}
