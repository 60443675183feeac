package org.mitra.directory.services;

import java.time.Instant;
import java.util.UUID;
import org.mitra.events.Slice;

/**
 * What a caller searches the directory for; every filter is optional and they combine with AND.
 *
 * @param available only services that report room now
 * @param text          free text over names and descriptions
 * @param taxonomyTerm  a category's or a slice's term id (a slice matches all its categories)
 * @param modifiedAfter only services changed after this time
 */
public record ServiceQuery(Slice slice, String category, String language, Gender gender, Integer age,
        boolean available, String text, UUID organization, UUID taxonomyTerm, Instant modifiedAfter) {

    /** The directory search's filters (the Open Referral export adds organization, term and time). */
    public static ServiceQuery of(Slice slice, String category, String language, Gender gender, Integer age,
            boolean available, String text) {
        return new ServiceQuery(slice, category, language, gender, age, available, text, null, null, null);
    }
}
