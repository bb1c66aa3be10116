package org.carepath.events;

/**
 * Binds a topic to its CloudEvents type and payload record, so that a name and its format cannot drift apart.
 *
 * @param name the Kafka topic
 * @param ceType the CloudEvents {@code ce_type}, the stable logical name of the event
 * @param payloadType the record carried as the JSON value
 */
public record PathwayTopic<T>(String name, String ceType, Class<T> payloadType) {

    /** Where records of this topic go when they cannot be processed. */
    public String deadLetterTopic() {
        return name + ".dlq";
    }
}
