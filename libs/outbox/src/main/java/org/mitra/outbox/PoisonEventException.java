package org.mitra.outbox;

/**
 * A record a consumer can never apply: not a CloudEvent, or data that does not fit its type, or an effect that
 * failed on every try. Thrown out of a {@code @Incoming} method, it makes the connector's dead-letter strategy move
 * the record to {@code mitra.dead-letters} so the partition flows on. The message names the consumer and the event
 * id only: the dead-letter record's reason header carries it, and a poison value may hold anything.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }
}
