package org.carepath.platform.messaging;

import java.time.Clock;
import java.util.UUID;
import org.carepath.events.PathwayTopic;
import tools.jackson.databind.json.JsonMapper;

/** Turns an event record into an {@link OutboxMessage} for one of the contract's topics. */
public class OutboxMessages {

    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String source;

    public OutboxMessages(JsonMapper jsonMapper, Clock clock, String serviceName) {
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.source = "/" + serviceName;
    }

    public <T> OutboxMessage create(PathwayTopic<T> topic, String episodeId, T payload) {
        return create(topic, UUID.randomUUID().toString(), episodeId, payload);
    }

    public <T> OutboxMessage create(PathwayTopic<T> topic, String eventId, String episodeId, T payload) {
        return new OutboxMessage(
                eventId,
                topic.name(),
                topic.ceType(),
                source,
                episodeId,
                clock.instant(),
                jsonMapper.writeValueAsString(payload));
    }
}
