package org.carepath.bench.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carepath.bench.measure.Hop;

/**
 * The raw baseline's topics. The generator writes to {@code ingress} (where the services take a REST call); each
 * of four relays stands for one service and moves every record one topic on, so the four hop topics line up with
 * the services' reported, decided, booked and estimate topics.
 */
public final class BaselineTopics {

    public static final String INGRESS = "bench.baseline.ingress";
    public static final String REPORTED = "bench.baseline.reported";
    public static final String DECIDED = "bench.baseline.decided";
    public static final String BOOKED = "bench.baseline.booked";
    public static final String ESTIMATED = "bench.baseline.estimated";

    private BaselineTopics() {}

    /** Every topic, in pipeline order. */
    public static List<String> all() {
        return List.of(INGRESS, REPORTED, DECIDED, BOOKED, ESTIMATED);
    }

    public static Map<String, Hop> hopByTopic() {
        Map<String, Hop> hops = new LinkedHashMap<>();
        hops.put(REPORTED, Hop.INTAKE);
        hops.put(DECIDED, Hop.TRIAGE);
        hops.put(BOOKED, Hop.SCHEDULING);
        hops.put(ESTIMATED, Hop.BILLING);
        return hops;
    }
}
