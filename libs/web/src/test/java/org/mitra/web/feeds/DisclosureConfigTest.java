package org.mitra.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mitra.feeds.DisclosurePolicy;

/**
 * A service's {@code @ConfigMapping} that extends {@link DisclosureConfig} reads the two properties under its own prefix,
 * with the defaults and the bounds declared once here: a threshold below 5 or a rounding base below 1 stops it.
 */
class DisclosureConfigTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    /** As a service declares its feeds' configuration, with a property of its own beside the inherited ones. */
    @ConfigMapping(prefix = "test.feeds")
    interface ServiceFeedConfig extends DisclosureConfig {
        @WithDefault("quarter")
        String granularity();
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(ServiceFeedConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
    }

    @Test
    void theDefaultsStandUnderTheServicesPrefix() {
        ServiceFeedConfig config = config(Map.of()).getConfigMapping(ServiceFeedConfig.class);
        assertThat(config.policy()).isEqualTo(new DisclosurePolicy(11, 5));
        assertThat(config.granularity()).isEqualTo("quarter");

        ServiceFeedConfig set = config(Map.of("test.feeds.suppression-threshold", "20", "test.feeds.rounding-base", "10"))
                .getConfigMapping(ServiceFeedConfig.class);
        assertThat(set.suppressionThreshold()).isEqualTo(20);
        assertThat(set.roundingBase()).isEqualTo(10);
    }

    @Test
    void aThresholdBelowFiveOrARoundingBaseBelowOneIsRefused() {
        assertThatThrownBy(() -> config(Map.of("test.feeds.suppression-threshold", "4")))
                .hasMessageContaining("test.feeds.suppression-threshold");
        assertThatThrownBy(() -> config(Map.of("test.feeds.rounding-base", "0")))
                .hasMessageContaining("test.feeds.rounding-base");
    }
}
