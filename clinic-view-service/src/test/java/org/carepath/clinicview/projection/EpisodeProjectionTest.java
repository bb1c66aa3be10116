package org.carepath.clinicview.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.carepath.clinicview.SampleEvents;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.carepath.clinicview.episode.EpisodeRecord.AppointmentState;
import org.carepath.clinicview.figures.EpisodeFigures;
import org.carepath.clinicview.figures.Figure;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.Disposition;
import org.carepath.platform.messaging.InboundEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The projection's promise: the same events, in any order and any number of times, give the same model. */
class EpisodeProjectionTest {

    private static final Instant REPORTED = Instant.parse("2026-12-01T14:00:00Z");
    private static final Instant MONDAY_9AM = Instant.parse("2026-12-07T14:00:00Z");
    private static final SampleEvents EPISODE = new SampleEvents("ep-1", REPORTED, Region.QUEENS);

    /** A whole pathway: triage twice, a booking moved and one cancelled, a waitlist served, follow-ups, estimates. */
    private static List<InboundEvent<ProjectedEvent>> pathway() {
        List<InboundEvent<ProjectedEvent>> events = new ArrayList<>();
        events.add(event("reported", EPISODE.reported(), 0));
        events.add(event("decided-1", EPISODE.decided(1, Disposition.EMERGENCY, "ER-1"), 0));
        events.add(event("decided-2", EPISODE.decided(2, Disposition.SPECIALIST_REFERRAL, "ER-HOLD", "SP-1"), 1));
        events.add(event(
                "booked-a",
                EPISODE.booked("appt-a", "queens-clinic", MONDAY_9AM, AppointmentType.SPECIALIST_VISIT),
                4));
        events.add(event(
                "moved-a",
                EPISODE.booked(
                        "appt-a", "queens-clinic", MONDAY_9AM.plusSeconds(86_400), AppointmentType.SPECIALIST_VISIT),
                9));
        events.add(event(
                "booked-b", EPISODE.booked("appt-b", "nassau-clinic", MONDAY_9AM, AppointmentType.IMAGING_MRI), 5));
        events.add(event("cancelled-b", EPISODE.cancelled("appt-b"), 2));
        events.add(event(
                "waitlisted-pt", EPISODE.waitlisted(AppointmentType.PT_EVALUATION, Specialty.PHYSICAL_THERAPY), 3));
        events.add(event(
                "waitlisted-visit",
                EPISODE.waitlisted(AppointmentType.SPECIALIST_VISIT, Specialty.ORTHOPEDIC_SPINE),
                2));
        events.add(event("fu-1-pending", EPISODE.followUp("fu-1", MONDAY_9AM, FollowUpState.PENDING), 6));
        events.add(event("fu-1-sent", EPISODE.followUp("fu-1", MONDAY_9AM, FollowUpState.SENT), 7));
        events.add(event("fu-1-due", EPISODE.followUpDue("fu-1", MONDAY_9AM), 1));
        events.add(event("fu-2-pending", EPISODE.followUp("fu-2", MONDAY_9AM, FollowUpState.PENDING), 8));
        events.add(event(
                "fu-2-deferred", EPISODE.followUp("fu-2", MONDAY_9AM.plusSeconds(3_600), FollowUpState.PENDING), 10));
        events.add(event("fu-3-pending", EPISODE.followUp("fu-3", MONDAY_9AM, FollowUpState.PENDING), 11));
        events.add(event("fu-3-cancelled", EPISODE.followUp("fu-3", MONDAY_9AM, FollowUpState.CANCELLED), 12));
        events.add(event("estimate-1", EPISODE.estimated(1, "120.00"), 0));
        events.add(event("estimate-2", EPISODE.estimated(2, "45.10"), 1));
        return events;
    }

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest(name = "order {0}")
    @MethodSource("seeds")
    void anyOrderAndAnyRedeliveryGiveTheSameModel(int seed) {
        Random random = new Random(seed);
        List<InboundEvent<ProjectedEvent>> shuffled = new ArrayList<>(pathway());
        for (int i = 0; i < 5; i++) {
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
        }
        Collections.shuffle(shuffled, random);

        EpisodeView inOrder = applyAll(pathway());
        EpisodeView anyOrder = applyAll(shuffled);

        assertThat(anyOrder.record()).isEqualTo(inOrder.record());
        assertThat(EpisodeFigures.of(anyOrder.record())).isEqualTo(EpisodeFigures.of(inOrder.record()));
    }

    @Test
    void twiceIsOnce() {
        List<InboundEvent<ProjectedEvent>> twice = new ArrayList<>(pathway());
        twice.addAll(pathway());

        assertThat(applyAll(twice).record()).isEqualTo(applyAll(pathway()).record());
        assertThat(applyAll(twice).appliedEventIds()).hasSize(pathway().size());
    }

    @Test
    void theModelIsTheLatestOfEachThing() {
        EpisodeRecord record = applyAll(pathway()).record();

        assertThat(record.decision().version()).isEqualTo(2);
        assertThat(record.estimate().version()).isEqualTo(2);
        AppointmentState moved = record.knownAppointments().stream()
                .filter(state -> state.appointmentId().equals("appt-a"))
                .findFirst()
                .orElseThrow();
        assertThat(moved.booked().start()).isEqualTo(MONDAY_9AM.plusSeconds(86_400));
        assertThat(moved.active()).isTrue();
        assertThat(record.knownAppointments())
                .filteredOn(state -> state.appointmentId().equals("appt-b"))
                .singleElement()
                .satisfies(state -> assertThat(state.active()).isFalse());
        // the specialist visit was booked: only the PT waitlist entry stays open
        assertThat(record.openWaitlist()).singleElement().satisfies(entry -> assertThat(entry.type())
                .isEqualTo(AppointmentType.PT_EVALUATION));
    }

    @Test
    void aCancellationThatOvertakesItsBookingStillCancels() {
        List<InboundEvent<ProjectedEvent>> events = List.of(
                event("cancelled-b", EPISODE.cancelled("appt-b"), 2),
                event(
                        "booked-b",
                        EPISODE.booked("appt-b", "nassau-clinic", MONDAY_9AM, AppointmentType.IMAGING_MRI),
                        5));

        EpisodeRecord record = applyAll(events).record();

        assertThat(record.knownAppointments()).singleElement().satisfies(state -> assertThat(state.active())
                .isFalse());
    }

    @Test
    void aCancellationAloneShowsNoAppointment() {
        EpisodeRecord record = applyAll(List.of(event("cancelled-b", EPISODE.cancelled("appt-b"), 2)))
                .record();

        assertThat(record.knownAppointments()).isEmpty();
        assertThat(EpisodeFigures.of(record)).isEmpty();
    }

    @Test
    void anEmergencyIsOpenOnlyWhileItIsTheCurrentDisposition() {
        EpisodeRecord emergency = applyAll(List.of(
                        event("reported", EPISODE.reported(), 0),
                        event("decided-1", EPISODE.decided(1, Disposition.EMERGENCY, "ER-1", "CL-ACUTE"), 0)))
                .record();
        EpisodeRecord referred = applyAll(List.of(
                        event("reported", EPISODE.reported(), 0),
                        event("decided-2", EPISODE.decided(2, Disposition.SPECIALIST_REFERRAL, "SP-1"), 1),
                        event("decided-1", EPISODE.decided(1, Disposition.EMERGENCY, "ER-1"), 0)))
                .record();

        assertThat(figures(emergency, "emergencies"))
                .singleElement()
                .satisfies(figure -> assertThat(figure.value().get("rules")).isEqualTo(List.of("ER-1")));
        assertThat(figures(referred, "emergencies")).isEmpty();
    }

    @Test
    void followUpsCountOnceInTheStateThatStands() {
        EpisodeRecord record = applyAll(pathway()).record();

        assertThat(figures(record, "followUps"))
                .extracting(figure -> figure.key() + "=" + figure.value().get("status"))
                .containsExactlyInAnyOrder("fu-1=SENT", "fu-2=PENDING", "fu-3=CANCELLED");
        assertThat(figures(record, "followUps"))
                .filteredOn(figure -> figure.key().equals("fu-2"))
                .singleElement()
                .satisfies(figure -> assertThat(figure.value().get("dueAt")).isEqualTo(MONDAY_9AM.plusSeconds(3_600)));
    }

    @Test
    void theFiguresCarryNoPatientData() {
        String figures = EpisodeFigures.of(applyAll(pathway()).record()).toString();

        assertThat(figures)
                .doesNotContain(SampleEvents.SECRET_NAME)
                .doesNotContain(SampleEvents.SECRET_MRN)
                .doesNotContain(SampleEvents.SECRET_PHONE)
                .doesNotContain("1950-03-04");
    }

    private static List<Figure> figures(EpisodeRecord record, String field) {
        return EpisodeFigures.of(record).stream()
                .filter(figure -> figure.field().equals(field))
                .toList();
    }

    private static EpisodeView applyAll(List<InboundEvent<ProjectedEvent>> events) {
        EpisodeView view = EpisodeView.opened(EPISODE.episodeId());
        for (InboundEvent<ProjectedEvent> event : events) {
            view = EpisodeProjection.applied(view, event);
        }
        return view;
    }

    private static InboundEvent<ProjectedEvent> event(String eventId, Object payload, long offset) {
        return new InboundEvent<>(eventId, "test", EPISODE.episodeId(), new ProjectedEvent(payload, offset));
    }
}
