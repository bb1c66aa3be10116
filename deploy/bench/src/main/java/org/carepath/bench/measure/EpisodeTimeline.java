package org.carepath.bench.measure;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When each episode (a Kafka key) was first seen on each hop, on the {@link System#nanoTime()} scale. Written by a
 * topic follower, read by the step while it runs; the first sighting of a key on a hop wins.
 */
public final class EpisodeTimeline {

    private static final int HOPS = Hop.values().length;

    private final Map<String, long[]> firstSeen = new ConcurrentHashMap<>();
    private final Map<Hop, AtomicInteger> seenPerHop = new EnumMap<>(Hop.class);
    private final AtomicInteger bookedAndEstimated = new AtomicInteger();

    public EpisodeTimeline() {
        for (Hop hop : Hop.values()) {
            seenPerHop.put(hop, new AtomicInteger());
        }
    }

    public void seen(String key, Hop hop, long nanos) {
        firstSeen.compute(key, (ignored, times) -> {
            long[] updated = times == null ? new long[HOPS] : times;
            if (updated[hop.ordinal()] == 0) {
                updated[hop.ordinal()] = nanos == 0 ? 1 : nanos; // 0 means "not seen"
                seenPerHop.get(hop).incrementAndGet();
                if ((hop == Hop.SCHEDULING || hop == Hop.BILLING)
                        && updated[Hop.SCHEDULING.ordinal()] != 0
                        && updated[Hop.BILLING.ordinal()] != 0) {
                    bookedAndEstimated.incrementAndGet();
                }
            }
            return updated;
        });
    }

    public OptionalLong firstSeen(String key, Hop hop) {
        long[] times = firstSeen.get(key);
        if (times == null) {
            return OptionalLong.empty();
        }
        // compute() publishes the array through the map's volatile node value, so this read sees its writes
        long nanos = times[hop.ordinal()];
        return nanos == 0 ? OptionalLong.empty() : OptionalLong.of(nanos);
    }

    /** How many distinct keys have been seen on {@code hop}, including keys the caller does not follow. */
    public int seenCount(Hop hop) {
        return seenPerHop.get(hop).get();
    }

    /**
     * How many distinct keys have been seen both booked (or waitlisted) and estimated: counted as they are seen, so
     * a caller polling it does not walk every key (at 100,000 preloaded that walk was a tenth of the bench JVM).
     */
    public int bookedAndEstimatedCount() {
        return bookedAndEstimated.get();
    }
}
