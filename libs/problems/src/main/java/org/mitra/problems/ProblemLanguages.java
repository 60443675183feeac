package org.mitra.problems;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The languages problems are answered in, English (the default) and Bahasa Indonesia, and the choice between them from
 * a request's {@code Accept-Language} (RFC 9110 section 12.5.4): the supported language with the highest weight, the
 * earlier one on a tie; a language nobody translated into, a weight of 0 or a header that cannot be read means English.
 */
public final class ProblemLanguages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    /** English first: the default, and the language every text exists in. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, INDONESIAN);
    /** Longer headers are not read: a client has no reason to send one, and the answer is English then. */
    private static final int MAX_HEADER_LENGTH = 1024;
    private static final Pattern RANGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern WEIGHT = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private ProblemLanguages() {
    }

    /** The language to answer a request with {@code Accept-Language: acceptLanguage} in (null: no header). */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH) {
            return ENGLISH;
        }
        Locale best = ENGLISH;
        double bestWeight = 0;
        for (String element : acceptLanguage.split(",", -1)) {
            String[] parts = element.split(";", -1);
            String range = parts[0].strip();
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                        && parameter.charAt(1) == '=') {
                    weight = weight(parameter.substring(2).strip());
                }
            }
            Locale supported = supported(range);
            if (supported != null && weight > bestWeight) {
                best = supported;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** The language every one of {@code texts} exists in: {@code wanted} when all are translated, else English. */
    public static Locale common(Locale wanted, Collection<? extends ProblemText> texts) {
        if (isEnglish(wanted) || !SUPPORTED.contains(wanted)) {
            return ENGLISH;
        }
        return texts.stream().filter(Objects::nonNull).allMatch(text -> text.in(wanted).isPresent()) ? wanted : ENGLISH;
    }

    /** The {@code Content-Language} value of a language: {@code en} or {@code id}. */
    public static String tag(Locale language) {
        return language.toLanguageTag();
    }

    static boolean isEnglish(Locale language) {
        return language == null || ENGLISH.getLanguage().equals(language.getLanguage());
    }

    /** The supported language a range asks for ({@code id}, {@code id-ID}, {@code EN-gb}), or null ({@code *} too). */
    private static Locale supported(String range) {
        if (!RANGE.matcher(range).matches()) {
            return null;
        }
        String language = range.split("-")[0].toLowerCase(Locale.ROOT);
        for (Locale locale : SUPPORTED) {
            if (locale.getLanguage().equals(language) || ("in".equals(language) && locale == INDONESIAN)) {
                return locale;
            }
        }
        return null;
    }

    /** A weight is 0 to 1 with at most three decimals; anything else counts as 0, i.e. not acceptable. */
    private static double weight(String value) {
        if (!WEIGHT.matcher(value).matches()) {
            return 0;
        }
        return Double.parseDouble(value);
    }
}
