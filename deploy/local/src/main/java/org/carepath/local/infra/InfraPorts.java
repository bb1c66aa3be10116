package org.carepath.local.infra;

import java.util.List;
import org.carepath.local.NamedPort;

/** Where the broker and the MongoDB wire server listen, all on 127.0.0.1. */
public record InfraPorts(int kafka, int kafkaController, int mongodb) {

    /** CONTRACT.md: Kafka 9092, MongoDB 27017; the controller takes the next port after the broker's. */
    public static InfraPorts defaults() {
        return new InfraPorts(9092, 9093, 27017);
    }

    public List<NamedPort> named() {
        return List.of(
                new NamedPort("Kafka broker", kafka),
                new NamedPort("Kafka controller", kafkaController),
                new NamedPort("MongoDB", mongodb));
    }
}
