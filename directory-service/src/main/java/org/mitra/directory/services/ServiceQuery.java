package org.mitra.directory.services;

import org.mitra.events.Slice;

/**
 * What a caller searches the directory for; every filter is optional and they combine with AND.
 *
 * @param available only services that report room now
 * @param text      free text over names and descriptions
 */
public record ServiceQuery(Slice slice, String category, String language, Gender gender, Integer age,
        boolean available, String text) {
}
