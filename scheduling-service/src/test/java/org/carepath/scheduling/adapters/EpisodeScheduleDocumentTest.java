package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.carepath.events.triage.Disposition;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.schedule.EpisodeSchedule;
import org.carepath.scheduling.schedule.KeyedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

class EpisodeScheduleDocumentTest {

    private static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T14:00:00Z");

    @Test
    void aDocumentStoredWithoutListsReadsAsEmpty() {
        EpisodeScheduleDocument stored = new EpisodeScheduleDocument(
                "ep-1", 3L, 2, Disposition.RECOVERED, null, null, null, null, null, null, null, null, null, null);

        assertThat(stored.schedule().bookings().appointments()).isEmpty();
        assertThat(stored.schedule().hasApplied("event-1")).isFalse();
        assertThat(stored.outbox()).isEmpty();
        assertThat(stored.followUps()).isEmpty();
        assertThat(stored.keyedRequests()).isEmpty();
    }

    @Test
    void aChangeIsStoredWithItsEventsAfterThoseNotYetRelayedAtTheVersionRead() {
        EpisodeScheduleDocument read = new EpisodeScheduleDocument(
                "ep-1",
                3L,
                1,
                Disposition.CONSERVATIVE_CARE,
                null,
                Decisions.ONSET,
                Decisions.sms(),
                "patient-1",
                List.of(),
                List.of(),
                List.of(),
                List.of("event-1"),
                List.of(event("e1")),
                List.of());
        EpisodeSchedule next = read.schedule().keyed(new KeyedRequest("key-1", "hash-1", "ep-1:X:online:k"));

        EpisodeScheduleDocument stored = read.storing(next, List.of(event("e2")));

        assertThat(stored.version()).isEqualTo(3L);
        assertThat(stored.outbox()).extracting(OutboxMessage::eventId).containsExactly("e1", "e2");
        assertThat(stored.schedule()).isEqualTo(next);
        assertThat(stored.appliedEventIds()).containsExactly("event-1");
    }

    @Test
    void anUnknownEpisodeIsInsertedWhenSaved() {
        EpisodeScheduleDocument unknown = EpisodeScheduleDocument.unknown("ep-1");

        assertThat(unknown.version()).isNull();
        assertThat(unknown.schedule()).isEqualTo(EpisodeSchedule.unknown("ep-1"));
    }

    @Test
    void isStoredUnderTheTypeHintItHadBeforeTheAggregateMovedToTheCoreAndReadBackFromIt() {
        // as Boot configures them: java.time values are simple types
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        EpisodeScheduleDocument document = EpisodeScheduleDocument.unknown("ep-1")
                .storing(
                        EpisodeSchedule.unknown("ep-1").keyed(new KeyedRequest("key-1", "hash-1", "ep-1:X:online:k")),
                        List.of(event("e1")));
        org.bson.Document stored = new org.bson.Document();

        converter.write(document, stored);

        assertThat(stored.get("_class")).isEqualTo("org.carepath.scheduling.appointments.EpisodeSchedule");
        assertThat(stored.getList("keyedRequests", org.bson.Document.class))
                .singleElement()
                .satisfies(keyed -> assertThat(keyed).containsOnlyKeys("key", "requestHash", "appointmentId"));
        assertThat(converter.read(EpisodeScheduleDocument.class, stored)).isEqualTo(document);
    }

    private static OutboxMessage event(String id) {
        return new OutboxMessage(id, "topic", "type", "/scheduling-service", "ep-1", TUESDAY_9AM, "{}");
    }
}
