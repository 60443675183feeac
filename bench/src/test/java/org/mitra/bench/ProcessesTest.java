package org.mitra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Processor time to ready, read from /proc: the footprint scenario's steadier figure on a shared machine. */
class ProcessesTest {

    @Test
    void userAndSystemTicksAfterANameWithSpacesAndParentheses() {
        String stat = "4242 (java (quarkus) main) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 30 0 100 0 0";
        assertThat(Processes.cpuSeconds(stat)).isEqualTo(3.0);
    }

    @Test
    void thisJvmHasUsedProcessorTimeAndAProcessThatIsGoneHasNone() {
        assertThat(Processes.cpuSeconds(ProcessHandle.current().pid())).isGreaterThan(0);
        assertThat(Processes.cpuSeconds(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
