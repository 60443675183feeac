package org.mitra.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mitra.gateway.GatewayConfig;

/** The configured services, longest prefix first so a more specific route wins. */
@ApplicationScoped
public class Backends {
    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private List<Backend> backends;

    @PostConstruct
    void start() {
        OpenApiDecorator decorator = new OpenApiDecorator(config.swagger().realmUrl());
        backends = config.routes().entrySet().stream()
                .map(route -> new Backend(vertx, route.getKey(), route.getValue(), decorator,
                        (int) config.limits().maxResponseHeaderSize().asLongValue()))
                .sorted(Comparator.comparing((Backend backend) -> backend.prefix().length()).reversed())
                .toList();
    }

    void stop(@Observes ShutdownEvent event) {
        backends.forEach(Backend::close);
    }

    public Optional<Backend> forPath(String path) {
        return Optional.ofNullable(serving(path));
    }

    /** The backend serving {@code path}, or null; what every proxied request asks, without an Optional each time. */
    Backend serving(String path) {
        if (path != null) {
            for (Backend backend : backends) {
                if (backend.serves(path)) {
                    return backend;
                }
            }
        }
        return null;
    }

    public Optional<Backend> named(String name) {
        return backends.stream().filter(backend -> backend.name().equals(name)).findFirst();
    }

    public Collection<Backend> all() {
        return backends;
    }
}
