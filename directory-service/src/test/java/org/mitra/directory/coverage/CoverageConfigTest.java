package org.mitra.directory.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A suppression threshold below 5 (or a rounding base below 1) stops the service at startup, as in the two other
 * services, instead of starting and then failing every public coverage and feed request.
 */
class CoverageConfigTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(CoverageConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
    }

    @Test
    void theDefaultsStand() {
        CoverageConfig coverage = config(Map.of()).getConfigMapping(CoverageConfig.class);
        assertThat(coverage.suppressionThreshold()).isEqualTo(11);
        assertThat(coverage.roundingBase()).isEqualTo(5);
    }

    @Test
    void aThresholdBelowFiveOrARoundingBaseBelowOneIsRefused() {
        assertThatThrownBy(() -> config(Map.of("mitra.coverage.suppression-threshold", "4")))
                .hasMessageContaining("mitra.coverage.suppression-threshold");
        assertThatThrownBy(() -> config(Map.of("mitra.coverage.rounding-base", "0")))
                .hasMessageContaining("mitra.coverage.rounding-base");
    }
}
