package org.carepath.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.carepath.events.PathwayTopic;
import org.carepath.platform.JsonErrors;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a consumed Kafka record into an {@link InboundEvent}. Conversion is done here rather than by the binder
 * so that a malformed record is rejected with a clear reason (and dead-lettered), never passed on as null.
 */
public class InboundEvents {

    private final JsonMapper jsonMapper;

    public InboundEvents(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public <T> InboundEvent<T> read(Message<byte[]> message, PathwayTopic<T> topic) {
        String eventId = header(message, CloudEventHeaders.ID);
        String type = header(message, CloudEventHeaders.TYPE);
        if (eventId == null || eventId.isBlank()) {
            throw new EventRejectedException("missing header " + CloudEventHeaders.ID);
        }
        if (type != null && !type.equals(topic.ceType())) {
            throw new EventRejectedException(
                    "unexpected " + CloudEventHeaders.TYPE + " '" + type + "' on " + topic.name());
        }
        T payload;
        try {
            payload = jsonMapper.readValue(message.getPayload(), topic.payloadType());
        } catch (JacksonException e) {
            // Not chained: the parser's message quotes the offending value, and the DLQ headers carry the trace.
            throw new EventRejectedException(
                    "payload is not a valid " + topic.ceType() + ": " + JsonErrors.describe(e));
        }
        if (payload == null) {
            throw new EventRejectedException("empty payload on " + topic.name());
        }
        return new InboundEvent<>(eventId, topic.ceType(), header(message, CloudEventHeaders.SUBJECT), payload);
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
