package org.carepath.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The bench JVM's CPU split by what its threads serve, so that the stack's idle figure can leave out the bench's own
 * work: the broker and the wire server are part of {@code deploy/carepath up}, the bench's clients are not. Java
 * threads only (from {@link ThreadMXBean}); GC, the JIT and threads that ended are what the process used beyond them.
 */
public final class BenchJvmThreads {

    /** Whose work a thread of the bench JVM does, told by its name. */
    public enum Part {
        STORE("MongoDB wire server"),
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
            if (threadName.startsWith("mongo-server") || threadName.startsWith("carepath-store")) {
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

    /** CPU used so far by each live thread of this JVM, by thread id. */
    public Map<Long, ThreadCpu> cpu() {
        Map<Long, ThreadCpu> used = new HashMap<>();
        if (!threads.isThreadCpuTimeSupported()) {
            return used;
        }
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(thread.getThreadId());
            if (nanos > 0) {
                used.put(thread.getThreadId(), new ThreadCpu(Part.of(thread.getThreadName()), nanos));
            }
        }
        return used;
    }

    /**
     * The CPU each part used between two readings, thread by thread: a thread that ended in between is in no part
     * (its time is the process's only), so a part never seems to give time back.
     */
    public static Map<Part, Duration> between(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
        Map<Part, Duration> used = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            used.put(part, Duration.ZERO);
        }
        after.forEach((id, thread) -> {
            ThreadCpu earlier = before.get(id);
            long nanos = thread.nanos() - (earlier == null ? 0 : earlier.nanos());
            used.merge(thread.part(), Duration.ofNanos(Math.max(0, nanos)), Duration::plus);
        });
        return used;
    }

    /** One thread's CPU so far. */
    public record ThreadCpu(Part part, long nanos) {}
}
