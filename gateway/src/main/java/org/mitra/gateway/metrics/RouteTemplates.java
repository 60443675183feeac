package org.mitra.gateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.mitra.gateway.routing.Backends;

/**
 * Request metrics of the gateway labelled with the route a request took, never its path. The gateway streams
 * {@code /api/referrals/<id>/consent} without knowing the service's templates, so Micrometer would otherwise label it
 * with the raw path: a referral's id in a label, and one more time series for every record touched. Here a path
 * becomes the route prefix it went through ({@code /api/referrals/**}, {@code /api/webhooks/**}), one of the
 * gateway's own paths, or {@code UNMATCHED}.
 */
@Singleton
public class RouteTemplates {
    static final String URI = "uri";
    private static final String OWN_FEEDS = "/api/feeds";
    private static final List<String> OWN_PATHS = List.of("/q/health", "/q/health/live", "/q/health/ready",
            "/q/health/started", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/", "/", "/openapi", "/problems");

    @Inject
    Backends backends;

    @Produces
    @Singleton
    MeterFilter routeTemplatesForRequests() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                String uri = id.getTag(URI);
                return uri == null ? id : id.replaceTags(id.getTags().stream()
                        .map(tag -> tag.getKey().equals(URI) ? Tag.of(URI, template(uri)) : tag).toList());
            }
        };
    }

    String template(String path) {
        if (path.equals(OWN_FEEDS) || path.startsWith(OWN_FEEDS + "/")) {
            return OWN_FEEDS + "/**";
        }
        if (path.startsWith("/openapi/")) {
            return "/openapi/{service}";
        }
        if (path.startsWith("/problems/")) {
            return "/problems/{slug}";
        }
        if (path.startsWith("/q/swagger-ui/")) {
            return "/q/swagger-ui/**";
        }
        if (OWN_PATHS.contains(path) || path.equals("NOT_FOUND") || path.equals("REDIRECTION") || path.equals("root")) {
            return path;
        }
        return backends.prefixServing(path).map(prefix -> prefix + "/**").orElse("UNMATCHED");
    }
}
