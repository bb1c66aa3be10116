package org.carepath.bench.load;

import java.util.Map;
import org.carepath.bench.measure.Hop;
import org.carepath.bench.measure.StepMeasurement;

/** What a step sends and where it follows it: the services through intake's REST API, or the raw baseline. */
public interface StepDriver {

    /** A short name for logs and consumer names, e.g. {@code services}. */
    String name();

    /** The topics to follow, each with the hop it stands for. */
    Map<String, Hop> hopByTopic();

    /**
     * Starts sending message {@code index} and returns without waiting for the answer, which is reported to
     * {@code measurement} as accepted (with its key) or failed. May wait for room when too many sends are in
     * flight, but never past {@code giveUpNanos}.
     */
    void send(int index, long intendedNanos, StepMeasurement measurement, long giveUpNanos);
}
