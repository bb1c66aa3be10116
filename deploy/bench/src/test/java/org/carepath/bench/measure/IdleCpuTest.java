package org.carepath.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IdleCpuTest {

    @Test
    void aBusyProcessShowsItsShareAndAnExitedOneIsUnknown() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        processes.put("this JVM", ProcessHandle.current());
        processes.put("gone", exited.toHandle());
        AtomicBoolean spinning = new AtomicBoolean(true);
        Thread spinner = new Thread(() -> {
            long sum = 0;
            while (spinning.get()) {
                sum += System.nanoTime() % 7;
            }
            assertThat(sum).isNotNegative();
        });
        spinner.start();

        List<String> lines;
        try {
            lines = new IdleCpu(processes).measure(Duration.ofMillis(500));
        } finally {
            spinning.set(false);
            spinner.join();
        }

        assertThat(lines.get(0)).isEqualTo("| process | CPU, % of one core |");
        double share = Double.parseDouble(lines.get(2).replaceAll("^\\| this JVM \\| ([0-9.]+) % \\|$", "$1"));
        assertThat(share).isGreaterThan(20.0);
        assertThat(lines.get(3)).isEqualTo("| gone | ? |");
        assertThat(lines.get(4)).startsWith("| whole stack (without [gone]) |");
    }
}
