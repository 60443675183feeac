package org.mitra.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemLanguages;

/** Every detail the gateway writes exists in English and Bahasa Indonesia, so none can be added untranslated. */
class GatewayMessagesTest {

    @Test
    void everyDetailIsTranslated() {
        assertThat(GatewayMessages.MESSAGES.incompleteness()).isEmpty();
        assertThat(GatewayMessages.MESSAGES.keys(ProblemLanguages.INDONESIAN)).contains("not-served", "token.missing");
    }
}
