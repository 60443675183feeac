package org.mitra.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mitra.problems.ProblemLanguages.ENGLISH;
import static org.mitra.problems.ProblemLanguages.INDONESIAN;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProblemTextsTest {
    private static final ProblemMessages SAMPLE = ProblemMessages.of(SampleMessages.class);
    private static final ProblemMessages INCOMPLETE = ProblemMessages.of(IncompleteMessages.class);

    @Test
    void everyTypeHasATitleAndADescriptionInEverySupportedLanguage() {
        for (ProblemType type : ProblemType.values()) {
            for (var language : ProblemLanguages.SUPPORTED) {
                assertThat(type.titleText().in(language)).as(type.slug() + " " + language).isPresent()
                        .get().asString().isNotBlank().doesNotEndWith(".");
            }
            assertThat(ProblemMessages.of(ProblemType.class).keys(INDONESIAN)).as(type.slug())
                    .contains(type.slug() + ".title", type.slug() + ".description");
            assertThat(type.description(INDONESIAN)).as(type.slug()).isNotEqualTo(type.description()).endsWith(".");
            assertThat(type.description(ENGLISH)).isEqualTo(type.description());
            assertThat(type.title(ENGLISH)).isEqualTo(type.title());
            assertThat(type.title(INDONESIAN)).as(type.slug()).isNotEqualTo(type.title());
        }
        assertThat(ProblemType.NOT_FOUND.title(INDONESIAN)).isEqualTo("Tidak ditemukan");
        assertThat(ProblemType.NOT_FOUND.title(java.util.Locale.FRENCH)).isEqualTo("Not found");
    }

    @Test
    void theTitleFileNamesNoTypeThatDoesNotExist() {
        String slugs = Arrays.stream(ProblemType.values())
                .map(type -> type.slug() + ".title," + type.slug() + ".description").collect(Collectors.joining(","));
        assertThat(ProblemMessages.of(ProblemType.class).keys(INDONESIAN))
                .allSatisfy(key -> assertThat(slugs.split(",")).contains(key));
    }

    @Test
    void keyedMessagesFillInTheirArgumentsInEachLanguage() {
        ProblemText text = SAMPLE.text("thing.closed", "Campaign's", 42);
        assertThat(text.english()).isEqualTo("Campaign's thing 42 is closed");
        assertThat(text.in(INDONESIAN)).contains("Hal Campaign's 42 sudah ditutup");
        ProblemText nested = SAMPLE.text("wrapped", SAMPLE.text("noun"));
        assertThat(nested.render(INDONESIAN)).isEqualTo("[Kampanye]");
        assertThat(SAMPLE.text("wrapped", ProblemText.english("raw")).in(INDONESIAN)).isEmpty();
        assertThat(SAMPLE.text("wrapped", "$1\\").english()).isEqualTo("[$1\\]");
        assertThatThrownBy(() -> SAMPLE.text("nothing")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SAMPLE.incompleteness()).isEmpty();
    }

    @Test
    void anUntranslatedOrMismatchedKeyIsReported() {
        assertThat(INCOMPLETE.incompleteness()).containsExactlyInAnyOrder(
                "only-english has no id message in " + IncompleteMessages.class.getName(),
                "placeholders in id uses [{1}], English [{0}]",
                "only-indonesian in id has no English message in " + IncompleteMessages.class.getName());
        assertThat(INCOMPLETE.text("only-english").in(INDONESIAN)).isEmpty();
    }

    static final class SampleMessages {
    }

    static final class IncompleteMessages {
    }
}
