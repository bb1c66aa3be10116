package org.carepath.bench.fault;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the booking and estimate topics said during a step, to tell a redelivery from a double: the same event id
 * seen twice is a redelivery (at least once, harmless to idempotent consumers); one episode holding two different
 * appointments of the same type, neither cancelled, is a double booking. Fed by a {@code TopicFollower} thread, read
 * after it is closed.
 */
public final class BookingLedger implements BiConsumer<ConsumerRecord<String, byte[]>, Long> {

    public static final String BOOKED = "carepath.appointment.booked";
    public static final String CANCELLED = "carepath.appointment.cancelled";
    public static final String ESTIMATED = "carepath.estimate.produced";

    private final JsonMapper json;
    private final Set<String> eventIds = new HashSet<>();
    private final Map<String, Set<String>> appointmentsByEpisodeAndType = new HashMap<>();
    private final Set<String> cancelled = new HashSet<>();
    private int events;
    private int redelivered;
    private int unreadable;

    public BookingLedger(JsonMapper json) {
        this.json = json;
    }

    public static Set<String> topics() {
        return Set.of(BOOKED, CANCELLED, ESTIMATED);
    }

    @Override
    public synchronized void accept(ConsumerRecord<String, byte[]> record, Long seenAtNanos) {
        events++;
        Header id = record.headers().lastHeader("ce_id");
        if (id != null && !eventIds.add(new String(id.value(), StandardCharsets.UTF_8))) {
            redelivered++;
            return;
        }
        if (record.topic().equals(ESTIMATED)) {
            return;
        }
        JsonNode payload;
        try {
            payload = json.readTree(record.value());
        } catch (RuntimeException notJson) {
            unreadable++;
            return;
        }
        String appointmentId = payload.path("appointmentId").asString("");
        if (record.topic().equals(CANCELLED)) {
            cancelled.add(appointmentId);
            return;
        }
        String episodeAndType = payload.path("episodeId").asString("") + "|"
                + payload.path("type").asString("");
        appointmentsByEpisodeAndType
                .computeIfAbsent(episodeAndType, key -> new HashSet<>())
                .add(appointmentId);
    }

    /** Events seen on the three topics, redeliveries included. */
    public synchronized int events() {
        return events;
    }

    /** Events seen again with an event id already seen. */
    public synchronized int redelivered() {
        return redelivered;
    }

    /** Episodes holding two or more appointments of one type that are not cancelled. */
    public synchronized int doubleBookings() {
        int doubles = 0;
        for (Set<String> appointments : appointmentsByEpisodeAndType.values()) {
            long active = appointments.stream()
                    .filter(appointment -> !cancelled.contains(appointment))
                    .count();
            if (active > 1) {
                doubles++;
            }
        }
        return doubles;
    }

    public synchronized int unreadable() {
        return unreadable;
    }
}
