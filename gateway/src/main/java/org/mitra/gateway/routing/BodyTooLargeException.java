package org.mitra.gateway.routing;

/** A streamed (chunked) request body grew past the route's limit while it was being forwarded. */
final class BodyTooLargeException extends RuntimeException {
    BodyTooLargeException() {
        super("request body over the route's limit", null, false, false);
    }
}
