package org.mitra.gateway.problem;

/** The problems the gateway raises itself; slugs and titles match libs/web where both exist. */
public enum ProblemType {
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    NOT_FOUND("not-found", "Not found", 404),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "URI too long", 414),
    REQUEST_HEADER_FIELDS_TOO_LARGE("request-header-fields-too-large", "Request header fields too large", 431),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    BAD_GATEWAY("bad-gateway", "Bad gateway", 502),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
    GATEWAY_TIMEOUT("gateway-timeout", "Gateway timeout", 504);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
