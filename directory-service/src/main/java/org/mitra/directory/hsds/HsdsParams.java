package org.mitra.directory.hsds;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.mitra.web.problem.FieldMessage;

/** Reads HSDS query values, adding each bad one to the request's violations so a 400 names every bad parameter. */
final class HsdsParams {
    private HsdsParams() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The free text of {@code search}, at most 200 characters. */
    static String search(List<FieldMessage> violations, String search) {
        String text = blankToNull(search);
        if (text != null && text.length() > 200) {
            violations.add(new FieldMessage("search", MESSAGES.text("field.at-most-characters", 200)));
        }
        return text;
    }

    static UUID uuid(List<FieldMessage> violations, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            violations.add(new FieldMessage(name, MESSAGES.text("field.uuid")));
            return null;
        }
    }

    static Instant instant(List<FieldMessage> violations, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                violations.add(new FieldMessage("modified_after", MESSAGES.text("field.date-time")));
                return null;
            }
        }
    }

    static int number(List<FieldMessage> violations, String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        violations.add(new FieldMessage(name, MESSAGES.text("field.whole-number", min, max)));
        return fallback;
    }
}
