package org.carepath.bench.measure;

/**
 * A point of the pipeline where the bench sees an episode go by: the first record for it on that hop's topic.
 * Each hop's latency counts from the report's intended send time, so the hops add up along the pipeline.
 */
public enum Hop {
    INTAKE("intake"),
    TRIAGE("triage"),
    SCHEDULING("scheduling"),
    BILLING("billing = end to end");

    private final String label;

    Hop(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Hop endToEnd() {
        return BILLING;
    }
}
