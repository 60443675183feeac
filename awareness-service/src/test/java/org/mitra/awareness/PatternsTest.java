package org.mitra.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 13: every pattern of the service is linear. Each pattern used by any request type of the module
 * (found by scanning the compiled classes, so a new one cannot be missed) meets inputs built to make a backtracking
 * pattern work quadratically or overflow its stack, and must answer within a bound far below what a quadratic
 * pattern needs for them.
 */
class PatternsTest {
    static final int LENGTH = 200_000;
    /**
     * Far above what a linear pattern needs for {@link #LENGTH} characters (a few milliseconds) even on a busy machine,
     * far below what a quadratic one needs (about 4 × 10^10 steps: minutes).
     */
    static final long BOUND_MS = 2_000;

    /** Repeated units a pattern may partly match, after prefixes that reach its inner repetitions. */
    static final List<String> UNITS = List.of("a", "a-", "a.", "-a", "-aa", ".a", "1", "12", "A", " ", "a@", "@", "(1", "en-",
            "tourists|");
    static final List<String> PREFIXES = List.of("", "a@", "a@a.", "en", "51", "+");
    static final List<String> ENDINGS = List.of("!", "@", ".", "-", "");

    /** Every regular expression in a Bean Validation constraint of a record in this module, by where it is. */
    static Map<String, String> patternsInUse() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("org/mitra/awareness"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, PatternsTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError unloadable) {
                    continue;
                }
                if (!type.isRecord()) {
                    continue;
                }
                for (RecordComponent component : type.getRecordComponents()) {
                    collect(type.getSimpleName() + "." + component.getName(), component.getAnnotatedType(), found);
                }
            }
        }
        return found;
    }

    private static void collect(String where, AnnotatedType type, Map<String, String> found) {
        Pattern pattern = type.getAnnotation(Pattern.class);
        if (pattern != null) {
            found.put(where, pattern.regexp());
        }
        Email email = type.getAnnotation(Email.class);
        if (email != null && !email.regexp().equals(".*")) {
            found.put(where + " (email)", email.regexp());
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                collect(where + "<" + i + ">", arguments[i], found);
            }
        }
    }

    @Test
    void theScanFindsThePublicFields() throws IOException {
        assertThat(patternsInUse()).containsKeys("RegistrationRequest.contact", "PledgeRequest.source", "PledgeRequest.country",
                "PledgeRequest.email (email)", "CampaignRequest.slug", "CampaignRequest.content<0>", "ActivityRequest.language");
    }

    @Test
    void everyPatternInUseAnswersWorstCaseInputsInLinearTime() throws IOException {
        List<String> slow = new ArrayList<>();
        for (Map.Entry<String, String> entry : patternsInUse().entrySet()) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(entry.getValue());
            for (String prefix : PREFIXES) {
                for (String unit : UNITS) {
                    for (String ending : ENDINGS) {
                        String input = prefix + unit.repeat(LENGTH / unit.length()) + ending;
                        long millis = Long.MAX_VALUE;
                        try {
                            // The best of three: a pause of the shared machine is not the pattern's doing.
                            for (int attempt = 0; attempt < 3 && millis > BOUND_MS; attempt++) {
                                long start = System.nanoTime();
                                pattern.matcher(input).matches();
                                millis = Math.min(millis, (System.nanoTime() - start) / 1_000_000);
                            }
                        } catch (StackOverflowError overflow) {
                            slow.add(entry.getKey() + " overflows the stack on " + describe(prefix, unit, ending));
                            continue;
                        }
                        if (millis > BOUND_MS) {
                            slow.add(entry.getKey() + " takes " + millis + " ms on " + describe(prefix, unit, ending));
                            break; // one slow case per pattern is enough to know, and each costs time
                        }
                    }
                }
            }
        }
        assertThat(slow).isEmpty();
    }

    private static String describe(String prefix, String unit, String ending) {
        return "'" + prefix + "' + '" + unit + "' x " + LENGTH / unit.length() + " + '" + ending + "'";
    }

    @Test
    void thePatternsStillAcceptAndRefuseWhatTheyDidBefore() {
        assertThat("child-safe-tourism-bali").matches(Patterns.CODE);
        assertThat(List.of("-a", "a-", "a--b", "A", "a_b")).noneMatch(code -> code.matches(Patterns.CODE));
        assertThat(List.of("en", "id", "en-AU", "zh-Hant-TW", "ban")).allMatch(tag -> tag.matches(Patterns.LANGUAGE));
        assertThat(List.of("e", "english", "en-", "en-a", "EN")).noneMatch(tag -> tag.matches(Patterns.LANGUAGE));
        assertThat(List.of("51", "5103", "5103010001")).allMatch(code -> code.matches(Patterns.REGION));
        assertThat(List.of("5", "510", "510301000100")).noneMatch(code -> code.matches(Patterns.REGION));
        assertThat(List.of("made@example.org", "a.b+c@mail.example.co.id")).allMatch(email -> email.matches(Patterns.EMAIL));
        assertThat(List.of("made@example", "made@@example.org", "made@example.", "made @example.org", "@example.org"))
                .noneMatch(email -> email.matches(Patterns.EMAIL));
        assertThat(List.of("made@example.org", "+62 361 000000", "(0361) 123-456")).allMatch(contact -> contact.matches(Patterns.CONTACT));
        assertThat(List.of("made", "1234", "+62 361 000000 ext. 5", "made@example")).noneMatch(contact -> contact.matches(Patterns.CONTACT));
        assertThat("AU").matches(Patterns.COUNTRY);
    }

    @Test
    void theDocumentedFormOfEachPatternAcceptsTheSameStrings() {
        List<String> samples = List.of("child-safe-tourism-bali", "-a", "a-", "a--b", "A", "en", "en-AU", "zh-Hant-TW", "en-", "EN",
                "51", "5103", "510", "5103010001", "510301000100", "made@example.org", "a.b+c@mail.example.co.id", "made@example",
                "made@@example.org", "made@example.", "made @example.org", "@example.org", "+62 361 000000", "(0361) 123-456",
                "1234", "+62 361 000000 ext. 5", "a@b..c", "");
        Patterns.DOCUMENTED.forEach((linear, documented) -> {
            java.util.regex.Pattern plain = java.util.regex.Pattern.compile(documented);
            for (String sample : samples) {
                assertThat(plain.matcher(sample).find()).as("%s on '%s'", documented, sample).isEqualTo(sample.matches(linear));
            }
        });
    }
}
