package org.mitra.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text libs/web writes exists in English and Bahasa Indonesia, so no new one can be added untranslated. */
class ProblemMessagesCompletenessTest {

    @Test
    void everyDetailAndFieldMessageOfTheLibraryIsTranslated() {
        assertThat(WebMessages.MESSAGES.incompleteness()).isEmpty();
        assertThat(WebMessages.MESSAGES.keys(org.mitra.problems.ProblemLanguages.INDONESIAN)).isNotEmpty();
    }

    @Test
    void everyConstraintMessageHasAnIndonesianTranslation() throws IOException {
        Properties hibernate = load("org/hibernate/validator/ValidationMessages.properties");
        Properties own = load("ContributorValidationMessages.properties");
        Properties indonesian = load("ContributorValidationMessages_id.properties");
        Set<String> needed = new TreeSet<>(own.stringPropertyNames());
        // Every standard constraint (Jakarta Validation) and the Hibernate Validator ones a request may carry.
        hibernate.stringPropertyNames().stream()
                .filter(key -> key.startsWith("jakarta.validation.constraints.")
                        || key.matches("org\\.hibernate\\.validator\\.constraints\\.(Length|Range|URL|UUID)\\.message"))
                .forEach(needed::add);
        assertThat(indonesian.stringPropertyNames()).containsAll(needed);
        assertThat(load("ContributorValidationMessages_en.properties")).as("English is the base bundle").isEmpty();
        for (String key : indonesian.stringPropertyNames()) {
            assertThat(own.containsKey(key) || hibernate.containsKey(key)).as(key + " has an English message").isTrue();
            assertThat(indonesian.getProperty(key)).as(key).isNotBlank();
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
