package org.carepath.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carepath.bench.report.MarkdownTable;

/**
 * The CPU each process of the stack used over a window with no load, as a share of one core, from the operating
 * system's account of each process ({@link ProcessHandle.Info#totalCpuDuration()}). The process that is this JVM
 * is split by its threads ({@link BenchJvmThreads}), and the stack is also shown without the bench's own threads:
 * the figure {@code deploy/carepath up} would show.
 */
public final class IdleCpu {

    private final Map<String, ProcessHandle> processes;
    private final BenchJvmThreads benchJvm = new BenchJvmThreads();

    /** @param processes each process to watch by the name to print, in the order to print them */
    public IdleCpu(Map<String, ProcessHandle> processes) {
        this.processes = new LinkedHashMap<>(processes);
    }

    /** Watches for {@code window} (the calling thread sleeps) and returns the table's lines. */
    public List<String> measure(Duration window) throws InterruptedException {
        Map<String, Duration> before = cpu();
        Map<Long, BenchJvmThreads.ThreadCpu> threadsBefore = benchJvm.cpu();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double wallNanos = System.nanoTime() - start;
        Map<String, Duration> after = cpu();
        Map<BenchJvmThreads.Part, Duration> parts = BenchJvmThreads.between(threadsBefore, benchJvm.cpu());
        MarkdownTable table = new MarkdownTable(List.of("process", "CPU, % of one core"));
        double total = 0;
        double bench = 0;
        List<String> unknown = new ArrayList<>();
        for (String name : processes.keySet()) {
            Duration first = before.get(name);
            Duration last = after.get(name);
            if (first == null || last == null) {
                unknown.add(name);
                table.row(List.of(name, "?"));
                continue;
            }
            double share = 100.0 * last.minus(first).toNanos() / wallNanos;
            total += share;
            table.row(List.of(name, percent(share)));
            if (processes.get(name).pid() == ProcessHandle.current().pid()) {
                bench = splitThisJvm(table, share, parts, wallNanos);
            }
        }
        String stack = unknown.isEmpty() ? "whole stack" : "whole stack (without " + unknown + ")";
        table.row(List.of("**" + stack + "**", "**" + percent(total) + "**"));
        table.row(List.of("**" + stack + ", less the bench's own threads**", "**" + percent(total - bench) + "**"));
        return table.lines();
    }

    /** Adds a row per part of this JVM and returns the bench's own share. */
    private static double splitThisJvm(
            MarkdownTable table, double processShare, Map<BenchJvmThreads.Part, Duration> parts, double wallNanos) {
        double threads = 0;
        double bench = 0;
        for (BenchJvmThreads.Part part : BenchJvmThreads.Part.values()) {
            double share = 100.0 * parts.get(part).toNanos() / wallNanos;
            if (part == BenchJvmThreads.Part.BENCH) {
                // the process's time comes in clock ticks, the threads' in nanoseconds, read a moment apart: the
                // bench's threads can seem to outrun their process, which would make the stack less them negative
                share = Math.min(share, processShare);
            }
            threads += share;
            if (part == BenchJvmThreads.Part.BENCH) {
                bench = share;
            }
            table.row(List.of("– of which " + part.label(), percent(share)));
        }
        table.row(List.of("– of which GC, JIT and threads that ended", percent(Math.max(0, processShare - threads))));
        return bench;
    }

    private Map<String, Duration> cpu() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            Optional<Duration> used = process.info().totalCpuDuration();
            used.ifPresent(duration -> cpu.put(name, duration));
        });
        return cpu;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share);
    }
}
