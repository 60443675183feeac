package org.mitra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 scenario 5: how the launcher sizes each service's JVM (measured in README.md, "Memory and start time of a service"). */
class ServiceProcessTest {

    @Test
    void everyServiceRunsOnSerialGcWithASmallShrinkingHeapAndC1Only() {
        PlatformSettings settings = inTarget();

        for (PlatformService service : PlatformService.values()) {
            Path jar = settings.runtime().resolve("apps").resolve(service.module()).resolve("quarkus-run.jar");
            List<String> command = ServiceProcess.command(service, settings, jar);

            assertThat(command.get(0)).isEqualTo(JavaRuntime.executable());
            assertThat(command).as(service.module())
                    .contains("-XX:+UseSerialGC", "-Xms32m", "-Xmx384m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                            "-XX:TieredStopAtLevel=1", "-Xss512k")
                    .doesNotContain("-XX:+UseG1GC")
                    .contains("-Djava.io.tmpdir=" + settings.temporaryDirectory(service.module()));
            // A harness that swaps the flags keeps what follows -jar (bench/ does).
            assertThat(command.subList(command.size() - 2, command.size())).containsExactly("-jar", jar.toString());
            assertThat(LocalPlatform.serviceProcess(service, settings, jar).command()).as("what bench/ starts").isEqualTo(command);
        }
    }

    private static PlatformSettings inTarget() {
        return PlatformSettings.fromEnvironment(
                Map.of("MITRA_RUNTIME_DIR", Path.of("target/service-process-test-" + System.nanoTime()).toAbsolutePath().toString()),
                Path.of("/work/mitra"));
    }
}
