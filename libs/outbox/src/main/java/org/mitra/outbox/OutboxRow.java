package org.mitra.outbox;

/** One unpublished event as the relay reads it; {@code payload} null means a tombstone. */
record OutboxRow(long position, String topic, String key, String payload) {
}
