package org.carepath.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BookingLedgerTest {

    private final BookingLedger ledger = new BookingLedger(JsonMapper.builder().build());

    @Test
    void theSameEventTwiceIsARedeliveryNotADouble() {
        ledger.accept(booked("ev-1", "e-1", "a-1", "PT_EVALUATION"), 0L);
        ledger.accept(booked("ev-1", "e-1", "a-1", "PT_EVALUATION"), 1L);
        ledger.accept(record(BookingLedger.ESTIMATED, "est-1", "e-1", "{}"), 2L);
        ledger.accept(record(BookingLedger.ESTIMATED, "est-1", "e-1", "{}"), 3L);

        assertThat(ledger.events()).isEqualTo(4);
        assertThat(ledger.redelivered()).isEqualTo(2);
        assertThat(ledger.doubleBookings()).isZero();
    }

    @Test
    void twoAppointmentsOfOneTypeForOneEpisodeAreADoubleUnlessOneIsCancelled() {
        ledger.accept(booked("ev-1", "e-1", "a-1", "PT_EVALUATION"), 0L);
        ledger.accept(booked("ev-2", "e-1", "a-2", "PT_EVALUATION"), 0L);
        ledger.accept(booked("ev-3", "e-2", "a-3", "PT_EVALUATION"), 0L);
        ledger.accept(booked("ev-4", "e-2", "a-4", "PT_EVALUATION"), 0L);
        ledger.accept(
                record(BookingLedger.CANCELLED, "ev-5", "e-2", "{\"appointmentId\":\"a-3\",\"episodeId\":\"e-2\"}"),
                0L);
        ledger.accept(booked("ev-6", "e-3", "a-5", "PT_EVALUATION"), 0L);
        ledger.accept(booked("ev-7", "e-3", "a-6", "SPECIALIST_VISIT"), 0L);

        assertThat(ledger.doubleBookings()).isEqualTo(1);
        assertThat(ledger.redelivered()).isZero();
    }

    @Test
    void aPayloadThatIsNotJsonIsCountedNotFatal() {
        ledger.accept(record(BookingLedger.BOOKED, "ev-1", "e-1", "not json"), 0L);

        assertThat(ledger.unreadable()).isEqualTo(1);
        assertThat(ledger.doubleBookings()).isZero();
    }

    private static ConsumerRecord<String, byte[]> booked(
            String eventId, String episodeId, String appointmentId, String type) {
        return record(
                BookingLedger.BOOKED,
                eventId,
                episodeId,
                "{\"appointmentId\":\"" + appointmentId + "\",\"episodeId\":\"" + episodeId + "\",\"type\":\"" + type
                        + "\"}");
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String eventId, String key, String payload) {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(topic, 0, 0L, key, payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
