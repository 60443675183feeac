package org.mitra.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.problems.ProblemLanguages.ENGLISH;
import static org.mitra.problems.ProblemLanguages.INDONESIAN;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemLanguagesTest {

    @Test
    void indonesianWhenAskedForInAnyForm() {
        assertThat(ProblemLanguages.negotiate("id")).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.negotiate("id-ID")).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.negotiate("ID-id")).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.negotiate("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7")).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.tag(INDONESIAN)).isEqualTo("id");
    }

    @Test
    void weightsDecideAndAnUnsupportedLanguageIsPassedOver() {
        assertThat(ProblemLanguages.negotiate("fr;q=1, id;q=0.5")).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.negotiate("en;q=0.4, id;q=0.5")).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.negotiate("id;q=0.4, en;q=0.5")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("en, id")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("id, en")).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.negotiate("id;q=0, fr")).isEqualTo(ENGLISH);
    }

    @Test
    void englishForNothingUnsupportedOrUnreadable() {
        assertThat(ProblemLanguages.negotiate(null)).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("fr, de;q=0.5")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("*")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate(";;;,,q=")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("id;q=abc")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("id;q=2")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("i d")).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.negotiate("id".repeat(600))).isEqualTo(ENGLISH);
    }

    @Test
    void aProblemIsInTheWantedLanguageOnlyWhenEveryTextIsTranslated() {
        ProblemText translated = ProblemType.NOT_FOUND.titleText();
        ProblemText englishOnly = ProblemText.english("Campaign 42 does not exist");
        assertThat(ProblemLanguages.common(INDONESIAN, List.of(translated))).isEqualTo(INDONESIAN);
        assertThat(ProblemLanguages.common(INDONESIAN, List.of(translated, englishOnly))).isEqualTo(ENGLISH);
        assertThat(ProblemLanguages.common(ENGLISH, List.of(translated))).isEqualTo(ENGLISH);
        assertThat(englishOnly.render(INDONESIAN)).isEqualTo("Campaign 42 does not exist");
    }
}
