package org.carepath.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class IdleCpuTest {

    @Test
    void aBusyProcessShowsItsShareSplitByThreadsAndAnExitedOneIsUnknown() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        processes.put("this JVM", ProcessHandle.current());
        processes.put("gone", exited.toHandle());
        AtomicBoolean spinning = new AtomicBoolean(true);
        Thread spinner = new Thread(
                () -> {
                    long sum = 0;
                    while (spinning.get()) {
                        sum += System.nanoTime() % 7;
                    }
                    assertThat(sum).isNotNegative();
                },
                "bench-spinner");
        spinner.start();

        List<String> lines;
        try {
            lines = new IdleCpu(processes).measure(Duration.ofMillis(500));
        } finally {
            spinning.set(false);
            spinner.join();
        }

        assertThat(lines.get(0)).isEqualTo("| process | CPU, % of one core |");
        assertThat(share(lines.get(2), "this JVM")).isGreaterThan(20.0);
        assertThat(lines.get(3)).startsWith("| – of which MongoDB wire server |");
        assertThat(lines.get(4)).startsWith("| – of which Kafka broker |");
        double bench = share(lines.get(5), "– of which the bench's own threads");
        assertThat(bench).isGreaterThan(20.0);
        assertThat(lines.get(6)).startsWith("| – of which GC, JIT and threads that ended |");
        assertThat(lines.get(7)).isEqualTo("| gone | ? |");
        double whole = share(lines.get(8), "\\*\\*whole stack \\(without \\[gone\\]\\)\\*\\*");
        double lessBench =
                share(lines.get(9), "\\*\\*whole stack \\(without \\[gone\\]\\), less the bench's own threads\\*\\*");
        assertThat(lessBench).isCloseTo(whole - bench, Offset.offset(0.2));
    }

    private static double share(String line, String name) {
        assertThat(line).matches("^\\| " + name + " \\| \\**[0-9.]+ %\\** \\|$");
        return Double.parseDouble(line.replaceAll("^\\| .* \\| \\**([0-9.]+) %\\** \\|$", "$1"));
    }
}
