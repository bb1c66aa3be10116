package org.carepath.bench.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.carepath.bench.measure.Hop;

/** The CONTRACT.md topics an episode passes on its way to an estimate, each with the hop it stands for. */
public final class ServiceTopics {

    public static final String EPISODE_REPORTED = "carepath.episode.reported";
    public static final String TRIAGE_DECIDED = "carepath.triage.decided";
    public static final String APPOINTMENT_BOOKED = "carepath.appointment.booked";
    public static final String APPOINTMENT_WAITLISTED = "carepath.appointment.waitlisted";
    public static final String ESTIMATE_PRODUCED = "carepath.estimate.produced";

    private ServiceTopics() {}

    /** Scheduling's hop is whichever comes first for the episode: a booking or a waitlisting. */
    public static Map<String, Hop> hopByTopic() {
        Map<String, Hop> hops = new LinkedHashMap<>();
        hops.put(EPISODE_REPORTED, Hop.INTAKE);
        hops.put(TRIAGE_DECIDED, Hop.TRIAGE);
        hops.put(APPOINTMENT_BOOKED, Hop.SCHEDULING);
        hops.put(APPOINTMENT_WAITLISTED, Hop.SCHEDULING);
        hops.put(ESTIMATE_PRODUCED, Hop.BILLING);
        return hops;
    }
}
