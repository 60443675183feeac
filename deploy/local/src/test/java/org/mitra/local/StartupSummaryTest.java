package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupSummaryTest {
    private static final Path REPOSITORY = PlatformSettings.findRepository(Path.of(""));

    /** Issue 12 item 15: the start that made the installation's secrets shows them; later starts say where they are. */
    @Test
    void theSecretsAreShownOnlyByTheStartThatMadeThem() throws Exception {
        PlatformSettings first = installation();
        first.keycloakAdminPassword();
        first.clientSecret("mitra-partner-demo");
        first.clientSecret("mitra-feeds-demo");

        String summary = summary(first);
        assertThat(summary).contains(first.keycloakAdminPassword(), first.clientSecret("mitra-partner-demo"),
                first.clientSecret("mitra-feeds-demo")).doesNotContain("mitra-partner-demo-secret");

        // An installation whose secrets an earlier start made: only where they are kept.
        PlatformSettings later = installation();
        Files.createDirectories(later.secrets());
        for (String name : List.of("keycloak-admin-password", "keycloak-client-mitra-partner-demo-secret",
                "keycloak-client-mitra-feeds-demo-secret")) {
            Files.writeString(later.secrets().resolve(name), "made-earlier-" + name);
        }
        String again = summary(later);
        assertThat(again).doesNotContain("made-earlier-")
                .contains(later.secrets().resolve("keycloak-admin-password").toString());
    }

    /** The metrics of each service are on its management port, and the summary says where. */
    @Test
    void theSummaryShowsEachServicesMetricsUrl() {
        PlatformSettings settings = installation();

        String summary = summary(settings);
        for (PlatformService service : PlatformService.values()) {
            assertThat(summary).contains(settings.managementUrl(service) + "/q/metrics");
        }
    }

    private static String summary(PlatformSettings settings) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            StartupSummary.print(settings, List.of(), Duration.ofSeconds(1));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PlatformSettings installation() {
        return PlatformSettings.fromEnvironment(
                Map.of("MITRA_RUNTIME_DIR", "deploy/local/target/summary-test-" + System.nanoTime()), REPOSITORY);
    }
}
