package org.mitra.awareness;

import java.util.Map;

/**
 * Every regular expression with repetition that this service checks input with, written so that it cannot backtrack: possessive
 * quantifiers ({@code ++}, {@code *+}, {@code {m,n}+}) over character classes that never overlap what follows them.
 * Each one runs in time linear in its input, whatever the input, so a megabyte of the worst case costs
 * milliseconds. That matters because Bean Validation gives no order among the constraints of a field: a
 * {@code @Size} next to a {@code @Pattern} does not keep the pattern from running on a megabyte (issue 12 item 13,
 * where the registration contact pattern held a CPU for 25 s on one anonymous 50 KB request).
 *
 * <p>A new check uses one of these, or a new constant here with its worst case in {@code PatternsTest}.
 */
public final class Patterns {
    /** Lower-case letters and digits in runs separated by single hyphens: slugs, pledge option and channel codes. */
    public static final String CODE = "[a-z0-9]++(?:-[a-z0-9]++)*+";
    /** A BCP 47 language tag such as {@code en}, {@code id} or {@code en-AU}. */
    public static final String LANGUAGE = "[a-z]{2,3}+(?:-[A-Za-z0-9]{2,8}+)*+";
    /** An official (BPS) region code: 2 to 10 digits in pairs, e.g. 51 for Bali or 5103 for Badung. */
    public static final String REGION = "[0-9]{2}+(?:[0-9]{2}){0,4}+";
    /** An ISO 3166-1 alpha-2 code's shape. */
    public static final String COUNTRY = "[A-Z]{2}";
    /** An email address's shape: a local part, one {@code @}, and a domain of non-empty dot-separated labels. */
    public static final String EMAIL = "[^@\\s]++@(?:[^@\\s.]++\\.)++[^@\\s.]++";
    /** A phone number: an optional plus, then 5 to 40 digits, spaces, parentheses and hyphens. */
    public static final String PHONE = "\\+?+[0-9 ()-]{5,40}+";
    /** How to reach a registrant: an email address or a phone number. */
    public static final String CONTACT = EMAIL + "|" + PHONE;

    /**
     * How the OpenAPI document shows each pattern: the same language written without possessive quantifiers, which
     * ECMA-262 (what JSON Schema's {@code pattern} and client generators read) does not have. {@link PatternDocumentation}
     * puts these in the document.
     */
    public static final Map<String, String> DOCUMENTED = Map.of(
            CODE, "^[a-z0-9]+(-[a-z0-9]+)*$",
            LANGUAGE, "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
            REGION, "^[0-9]{2}([0-9]{2}){0,4}$",
            EMAIL, "^[^@\\s]+@([^@\\s.]+\\.)+[^@\\s.]+$",
            CONTACT, "^([^@\\s]+@([^@\\s.]+\\.)+[^@\\s.]+|\\+?[0-9 ()-]{5,40})$");

    private Patterns() {
    }
}
