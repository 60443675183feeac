package org.mitra.web.problem;

import java.net.URI;
import java.util.Optional;

/**
 * Every kind of problem a Mitra API reports, each with a stable {@code type} URI, a title that
 * never varies between occurrences, and its HTTP status. Clients switch on the URI, never on text.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", 400, "Request is not valid"),
    MALFORMED_REQUEST("malformed-request", 400, "Request body cannot be read"),
    BAD_REQUEST("bad-request", 400, "Bad request"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    ORGANIZATION_NOT_VERIFIED("organization-not-verified", 403, "Organization not verified"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    INVALID_TRANSITION("invalid-transition", 409, "Transition not allowed"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", 422, "Request cannot be processed"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused with a different request"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service temporarily unavailable");

    public static final String BASE = "https://mitra.org/problems/";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status (e.g. a framework's 404), or empty when only {@code about:blank} fits. */
    public static Optional<ProblemType> forStatus(int status) {
        return switch (status) {
            case 400 -> Optional.of(BAD_REQUEST);
            case 401 -> Optional.of(UNAUTHORIZED);
            case 403 -> Optional.of(FORBIDDEN);
            case 404 -> Optional.of(NOT_FOUND);
            case 405 -> Optional.of(METHOD_NOT_ALLOWED);
            case 406 -> Optional.of(NOT_ACCEPTABLE);
            case 409 -> Optional.of(CONFLICT);
            case 412 -> Optional.of(PRECONDITION_FAILED);
            case 413 -> Optional.of(PAYLOAD_TOO_LARGE);
            case 415 -> Optional.of(UNSUPPORTED_MEDIA_TYPE);
            case 422 -> Optional.of(UNPROCESSABLE);
            case 428 -> Optional.of(PRECONDITION_REQUIRED);
            case 500 -> Optional.of(INTERNAL_ERROR);
            case 503 -> Optional.of(SERVICE_UNAVAILABLE);
            default -> Optional.empty();
        };
    }
}
