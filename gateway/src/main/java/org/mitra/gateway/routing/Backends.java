package org.mitra.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mitra.gateway.GatewayConfig;

/**
 * The configured services, and the path prefixes they serve, longest prefix first so a more specific route wins
 * (a service may serve more than one prefix: referrals also serves /api/webhooks).
 */
@ApplicationScoped
public class Backends {
    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private List<Backend> backends;
    /** Every (prefix, backend), longest prefix first. */
    private List<Mount> mounts;

    private record Mount(String prefix, Backend backend) {
    }

    @PostConstruct
    void start() {
        OpenApiDecorator decorator = new OpenApiDecorator(config.swagger().realmUrl());
        backends = config.routes().entrySet().stream()
                .map(route -> new Backend(vertx, route.getKey(), route.getValue(), decorator,
                        (int) config.limits().maxResponseHeaderSize().asLongValue()))
                .sorted(Comparator.comparing((Backend backend) -> backend.prefix().length()).reversed())
                .toList();
        mounts = backends.stream().flatMap(backend -> backend.prefixes().stream().map(prefix -> new Mount(prefix, backend)))
                .sorted(Comparator.comparing((Mount mount) -> mount.prefix().length()).reversed())
                .toList();
        Map<String, String> owners = new HashMap<>();
        for (Mount mount : mounts) {
            String owner = owners.putIfAbsent(mount.prefix(), mount.backend().name());
            if (owner != null && !owner.equals(mount.backend().name())) {
                throw new IllegalStateException("Path prefix " + mount.prefix() + " is routed to both " + owner + " and "
                        + mount.backend().name());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        backends.forEach(Backend::close);
    }

    public Optional<Backend> forPath(String path) {
        return Optional.ofNullable(serving(path));
    }

    /** The backend serving {@code path}, or null; what every proxied request asks, without an Optional each time. */
    Backend serving(String path) {
        Mount mount = mount(path);
        return mount == null ? null : mount.backend();
    }

    /** The prefix under which {@code path} is routed (e.g. {@code /api/webhooks}), the label of its metrics. */
    public Optional<String> prefixServing(String path) {
        Mount mount = mount(path);
        return mount == null ? Optional.empty() : Optional.of(mount.prefix());
    }

    private Mount mount(String path) {
        if (path != null) {
            for (Mount mount : mounts) {
                if (Backend.under(path, mount.prefix())) {
                    return mount;
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
