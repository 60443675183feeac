package org.mitra.web.idempotency;

/** Whose key it is, for which operation: the same key from another caller or operation is another key. */
record IdempotencyScope(String caller, String operation, String key) {
}
