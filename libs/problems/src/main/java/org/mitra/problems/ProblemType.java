package org.mitra.problems;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of problem a Mitra API answers with (RFC 9457), in one place for the services (libs/web) and the gateway:
 * a stable slug, a title that never varies between occurrences, the HTTP status, and a description for the people
 * who follow the {@code type} link. Clients switch on the type, never on text.
 *
 * <p>The {@code type} member is the relative reference {@code /problems/<slug>}: RFC 9457 resolves it against the
 * URL of the response, so it names a page on the deployment's own host (whoever runs Mitra controls it), where the
 * gateway describes the type. It is the same text in every deployment, so clients can compare it as is.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", 400, "Request is not valid",
            "One or more fields or parameters of the request break a rule. The errors member lists every bad one as "
            + "{field, message}; a field is named by its path in the request body (name, capacity.available, "
            + "languages[1]) or by the parameter's name. Correct them all and send the request again."),
    MALFORMED_REQUEST("malformed-request", 400, "Request body cannot be read",
            "The request body is not JSON, or a field has the wrong JSON type or a value outside its enumeration; "
            + "when one field is to blame, the errors member names it. Fix the body before sending it again."),
    BAD_REQUEST("bad-request", 400, "Bad request",
            "The request cannot be understood as sent, for example a query or path parameter whose value has the "
            + "wrong type (page=two) or a flag that is neither true nor false."),
    UNAUTHORIZED("unauthorized", 401, "Authentication required",
            "The operation needs a valid bearer token and none was sent, or the one sent is invalid or has expired; "
            + "the WWW-Authenticate header says which. Sign in again (the Mitra Keycloak realm) and retry with the "
            + "new token."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The caller is known, but its roles or its relation to the object do not allow this operation. Sending "
            + "the same request again with the same token will not help."),
    ORGANIZATION_NOT_VERIFIED("organization-not-verified", 403, "Organization not verified",
            "Only members of verified organizations may do this, and the caller's organization is pending, "
            + "suspended or unknown to the coalition. The organizationId and organizationStatus members say which "
            + "organization and its standing."),
    NOT_FOUND("not-found", 404, "Not found",
            "Nothing exists at this path, or the object exists but the caller may not know of it. Check the path "
            + "and the identifier in it."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The path exists but does not support this HTTP method; the Allow header, when present, lists those "
            + "it does."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable",
            "No representation of the resource matches the request's Accept header. Ask for one of the media types "
            + "the operation documents; problems themselves are always application/problem+json."),
    CONFLICT("conflict", 409, "Conflict",
            "The request conflicts with the current state of the resource: another request changed it at the same "
            + "time, or a value that must be unique is taken. Read the resource again before deciding to retry."),
    INVALID_TRANSITION("invalid-transition", 409, "Transition not allowed",
            "The action is not allowed in the object's current state. The currentState member names that state and "
            + "allowedActions lists what may be done from it."),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed",
            "The If-Match header does not match the resource's current ETag: it changed since it was read. Read it "
            + "again, apply the change to what is there now and retry with the new ETag."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large",
            "The request body is larger than this route accepts. The connection may be closed after this answer."),
    URI_TOO_LONG("uri-too-long", 414, "URI too long",
            "The request target (path and query) is longer than the gateway accepts. Shorten the query."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The Content-Type of the request body is not one this operation reads; most take application/json."),
    UNPROCESSABLE("unprocessable", 422, "Request cannot be processed",
            "The request is well-formed and each field is valid, but it cannot be carried out as asked; the detail "
            + "says why."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused with a different request",
            "The Idempotency-Key was already used by the same caller for a different request. Use a new key for a "
            + "new request; repeating the first request with its key gives its first answer again."),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required",
            "This change must be conditional: send If-Match with the ETag of the version that was read."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "Too many requests from this caller or source in the current window. Wait the seconds given in "
            + "Retry-After (and in retryAfterSeconds where present) before trying again; the gateway's RateLimit and "
            + "RateLimit-Policy headers show the budget."),
    REQUEST_HEADER_FIELDS_TOO_LARGE("request-header-fields-too-large", 431, "Request header fields too large",
            "The request's header fields together are larger than the gateway accepts. Send fewer or smaller "
            + "headers."),
    INTERNAL_ERROR("internal-error", 500, "Internal error",
            "Something unexpected went wrong on the server; the answer deliberately says nothing more. Quote the "
            + "requestId member when reporting it."),
    BAD_GATEWAY("bad-gateway", 502, "Bad gateway",
            "The gateway reached the service, but the service's answer broke off or could not be read. Whether the "
            + "request was carried out is unknown: retry only what is safe to repeat."),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable",
            "The service cannot answer just now: it cannot be reached from the gateway (or its circuit is open "
            + "there), or it cannot reach its database. Try again after the seconds in Retry-After."),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "Gateway timeout",
            "The service did not answer the gateway in time. Whether the request was carried out is unknown: retry "
            + "only what is safe to repeat (a read, or a write sent with the same Idempotency-Key).");

    /** Where every type lives: a path on the deployment's own host, served by the gateway. */
    public static final String BASE = "/problems/";
    /** Titles and descriptions in the other languages: {@code ProblemType_id.properties}, {@code <slug>.title}, ... */
    private static final ProblemMessages TRANSLATIONS = ProblemMessages.of(ProblemType.class);

    private final String slug;
    private final int status;
    private final String title;
    private final String description;
    private final URI uri;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
        this.uri = URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    /** The {@code type} member: {@code /problems/<slug>}, a relative reference (RFC 9457 section 3.1.1). */
    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The title in {@code language} where it is translated (every type is, in every supported language), else English. */
    public String title(Locale language) {
        return titleText().render(language);
    }

    /** The title as a text of the problem, so that a problem is answered in one language throughout. */
    public ProblemText titleText() {
        return language -> ProblemLanguages.isEnglish(language) ? Optional.of(title)
                : TRANSLATIONS.format(slug + ".title", language, List.of());
    }

    /** For people reading the type's page: what happened and what to do about it. */
    public String description() {
        return description;
    }

    /** The description in {@code language} where it is translated (every type is, in every supported language). */
    public String description(Locale language) {
        return ProblemLanguages.isEnglish(language) ? description
                : TRANSLATIONS.format(slug + ".description", language, List.of()).orElse(description);
    }

    public static Optional<ProblemType> forSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    /**
     * The generic type for a status (e.g. a framework's 404), or empty when only {@code about:blank} fits. Where a
     * status has several types (400, 403, 409, 422), the generic one is the one that names nothing more specific.
     */
    public static Optional<ProblemType> forStatus(int status) {
        return Optional.ofNullable(switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> TOO_MANY_REQUESTS;
            case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
            case 500 -> INTERNAL_ERROR;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> null;
        });
    }
}
