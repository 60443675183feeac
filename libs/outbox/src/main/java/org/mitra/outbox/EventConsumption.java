package org.mitra.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.mitra.events.CloudEvent;
import org.mitra.events.EventJson;
import org.mitra.web.DatabaseOutage;

/**
 * How every consumer applies one Kafka record, so that no record stops a partition and none is lost or applied
 * twice:
 * <ul>
 * <li>a tombstone is nothing to apply; a value that is no CloudEvent, or whose data does not fit its type, is
 * poison at once ({@link PoisonEventException}, moved to the dead-letter topic by the connector);</li>
 * <li>the effect runs through the {@link Inbox} in a transaction of its own, so a redelivered event has no second
 * effect;</li>
 * <li>while the database cannot be reached the record is waited on, not counted as a failure: events keep their
 * order and none goes to the dead-letter topic because PostgreSQL restarted;</li>
 * <li>any other failure is tried {@code mitra.consumer.max-attempts} times (3), then the record is poison.</li>
 * </ul>
 * In a service:
 * <pre>{@code
 * @Incoming("referral-lifecycle")      // ...failure-strategy=dead-letter-queue, dead-letter-queue.topic=mitra.dead-letters
 * @Blocking
 * public void consume(String value) {
 *     consumption.apply("directory-demand", value, event -> ReferralStatusChanged.isType(event.type())
 *             ? effect(EventJson.data(event, ReferralStatusChanged.class))   // parse here: a bad payload is poison
 *             : null);                                                       // not for this consumer
 * }
 * }</pre>
 */
@ApplicationScoped
public class EventConsumption {
    private static final Logger LOG = Logger.getLogger(EventConsumption.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    @Inject
    Inbox inbox;

    @Inject
    ConsumerConfig config;

    /**
     * @param effectOf reads the event's data and returns the effect to apply, or {@code null} when this consumer
     *                 has nothing to do with the event; whatever it throws makes the record poison
     */
    public void apply(String consumer, String value, Function<CloudEvent<JsonNode>, Runnable> effectOf) {
        if (value == null) {
            return;
        }
        Optional<CloudEvent<JsonNode>> read = EventJson.readIfEvent(value);
        if (read.isEmpty()) {
            throw new PoisonEventException(consumer + ": the record is not a CloudEvent");
        }
        CloudEvent<JsonNode> event = read.get();
        if (event.id() == null || event.type() == null) {
            throw new PoisonEventException(consumer + ": the event has no id or no type");
        }
        Runnable effect;
        try {
            effect = effectOf.apply(event);
        } catch (RuntimeException badData) {
            throw new PoisonEventException(consumer + ": the data of event " + event.id() + " does not fit type " + event.type());
        }
        if (effect != null) {
            applyOnce(consumer, event, effect);
        }
    }

    private void applyOnce(String consumer, CloudEvent<JsonNode> event, Runnable effect) {
        int failures = 0;
        long waitMillis = config.backoff().toMillis();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> inbox.handleOnce(consumer, event, effect));
                return;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e) && ++failures >= config.maxAttempts()) {
                    LOG.errorf("%s: event %s (%s) failed %d times and goes to the dead-letter topic: %s",
                            consumer, event.id(), event.type(), failures, e.getClass().getName());
                    throw new PoisonEventException(consumer + ": event " + event.id() + " failed " + failures + " times");
                }
                LOG.warnf("%s: event %s not applied yet (%s), trying again in %d ms", consumer, event.id(),
                        DatabaseOutage.isCause(e) ? "database unreachable" : "attempt " + failures, waitMillis);
                sleep(waitMillis);
                waitMillis = Math.min(waitMillis * 2, LONGEST_WAIT.toMillis());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting to apply an event", e);
        }
    }
}
