package org.mitra.referral.overdue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.mitra.events.referral.Urgency;

/** When the receiver must have answered a referral submitted at a given time, and when it expires unanswered. */
@ApplicationScoped
public class Deadlines {
    @Inject
    OverdueConfig config;

    /** The coalition's time zone, in which working days and dates are counted. */
    public ZoneId zone() {
        return config.zone();
    }

    public Instant deadline(Urgency urgency, Instant requestedAt) {
        return switch (urgency) {
            case EMERGENCY -> requestedAt.plus(config.emergency());
            case HIGH -> requestedAt.plus(config.high());
            case ROUTINE -> addBusinessDays(requestedAt, config.routineBusinessDays(), config.zone());
        };
    }

    /**
     * When a referral requested at this time and still unanswered expires: {@code expiry-multiple} (2) times its
     * deadline after the request.
     */
    public Instant expiry(Urgency urgency, Instant requestedAt) {
        Instant deadline = deadline(urgency, requestedAt);
        return requestedAt.plus(java.time.Duration.between(requestedAt, deadline).multipliedBy(config.expiryMultiple()));
    }

    /** The same time of day {@code days} working days (Monday to Friday) later, counted in {@code zone}. */
    public static Instant addBusinessDays(Instant from, int days, ZoneId zone) {
        ZonedDateTime moment = from.atZone(zone);
        int counted = 0;
        while (counted < days) {
            moment = moment.plusDays(1);
            if (moment.getDayOfWeek() != DayOfWeek.SATURDAY && moment.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return moment.toInstant();
    }
}
