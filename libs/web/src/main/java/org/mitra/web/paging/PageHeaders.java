package org.mitra.web.paging;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds {@code Link} and {@code X-Total-Count} to every response whose body is a {@link Page}. Links
 * are path-absolute (no host), so they stay right behind the gateway, and keep every other query
 * parameter of the request.
 */
public class PageHeaders {
    public static final String TOTAL_COUNT = "X-Total-Count";

    @ServerResponseFilter
    public void addPageHeaders(ContainerResponseContext response, UriInfo uri) {
        if (!(response.getEntity() instanceof Page<?> page)) {
            return;
        }
        String links = PageLinks.of(page.page(), page.totalPages()).entrySet().stream()
                .map(link -> "<" + pageReference(uri, link.getValue(), page.size()) + ">; rel=\"" + link.getKey() + "\"")
                .collect(Collectors.joining(", "));
        response.getHeaders().putSingle("Link", links);
        response.getHeaders().putSingle(TOTAL_COUNT, Long.toString(page.totalItems()));
    }

    private static String pageReference(UriInfo uri, long page, int size) {
        URI target = uri.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build();
        return target.getRawPath() + "?" + target.getRawQuery();
    }
}
