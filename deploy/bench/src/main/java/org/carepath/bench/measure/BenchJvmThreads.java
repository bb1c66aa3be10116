package org.carepath.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bench JVM's CPU split by what its threads serve, so that the stack's idle figure can leave out the bench's own
 * work: the broker and the wire server are part of {@code deploy/carepath up}, the bench's clients are not. Java
 * threads only (from {@link ThreadMXBean}); GC, the JIT and threads that ended are what the process used beyond them.
 */
public final class BenchJvmThreads {

    /** Whose work a thread of the bench JVM does, told by its name. */
    public enum Part {
        STORE("MongoDB wire server (H2)"),
        BROKER("Kafka broker"),
        BENCH("the bench's own threads");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Part of(String threadName) {
            if (threadName.startsWith("mongo-server")
                    || threadName.startsWith("MVStore")
                    || threadName.startsWith("H2")) {
                return STORE;
            }
            if (threadName.startsWith("bench-")
                    || threadName.startsWith("HttpClient-")
                    || threadName.startsWith("process reaper")
                    || threadName.startsWith("JFR")
                    || threadName.equals("main")) {
                return BENCH;
            }
            return BROKER;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** CPU used so far by the live threads of this JVM, per part. */
    public Map<Part, Duration> cpu() {
        Map<Part, Duration> used = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            used.put(part, Duration.ZERO);
        }
        if (!threads.isThreadCpuTimeSupported()) {
            return used;
        }
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(thread.getThreadId());
            if (nanos > 0) {
                used.merge(Part.of(thread.getThreadName()), Duration.ofNanos(nanos), Duration::plus);
            }
        }
        return used;
    }
}
