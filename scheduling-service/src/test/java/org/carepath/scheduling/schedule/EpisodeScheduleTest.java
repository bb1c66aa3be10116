package org.carepath.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistStatus;
import org.carepath.scheduling.directory.Slot;
import org.junit.jupiter.api.Test;

class EpisodeScheduleTest {

    private static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T14:00:00Z");

    @Test
    void aDecisionRecordsWhatItBookedAndWaitlistedTheEpisodesFactsAndItsEvents() {
        TriageDecided decision = Decisions.chemodenervationConsult();
        Appointment consult = appointment("ep-1:CHEMODENERVATION_CONSULT:v1", "rehab-1", TUESDAY_9AM);
        WaitlistEntry entry = waiting("ep-1:IMAGING_MRI:v1");
        BookingPlan plan = new BookingPlan("ep-1", List.of(consult), List.of(entry), List.of(), List.of("BK-CH"));

        EpisodeSchedule schedule = EpisodeSchedule.unknown("ep-1").decided(decision, "event-1", plan);

        assertThat(schedule.decisionVersion()).isEqualTo(1);
        assertThat(schedule.disposition()).isEqualTo(Disposition.CHEMODENERVATION_CONSULT);
        assertThat(schedule.region()).isEqualTo(Region.QUEENS);
        assertThat(schedule.onsetDate()).isEqualTo(Decisions.ONSET);
        assertThat(schedule.contact()).isEqualTo(Decisions.sms());
        assertThat(schedule.appointments()).containsExactly(consult);
        assertThat(schedule.waitlist()).containsExactly(entry);
        assertThat(schedule.hasApplied("event-1")).isTrue();
        assertThat(schedule.hasApplied("event-2")).isFalse();
        assertThat(schedule.bookedSlotIds()).containsExactly(consult.slotId());
    }

    @Test
    void aServedEntryIsReplacedInPlaceAndItsAppointmentAdded() {
        WaitlistEntry entry = waiting("ep-1:IMAGING_MRI:v1");
        EpisodeSchedule schedule = EpisodeSchedule.unknown("ep-1")
                .decided(
                        Decisions.specialistReferralWithMri(),
                        "event-1",
                        new BookingPlan("ep-1", List.of(), List.of(entry), List.of(), List.of("BK-SP")));
        Appointment mri = appointment(entry.entryId(), "mri-1", TUESDAY_9AM);

        EpisodeSchedule served = schedule.planned(
                new BookingPlan("ep-1", List.of(mri), List.of(), List.of(entry.serve()), List.of("BK-SP")));

        assertThat(served.waitlist()).singleElement().satisfies(updated -> assertThat(updated.status())
                .isEqualTo(WaitlistStatus.SERVED));
        assertThat(served.bookings().waiting()).isEmpty();
        assertThat(served.appointments()).containsExactly(mri);
        assertThat(served.appliedEventIds()).containsExactly("event-1");
        assertThat(served.decisionVersion()).isEqualTo(1);
    }

    @Test
    void aCancelledAppointmentReplacesTheBookedOneAndFreesItsSlot() {
        Appointment consult = appointment("ep-1:CHEMODENERVATION_CONSULT:v1", "rehab-1", TUESDAY_9AM);
        EpisodeSchedule schedule = EpisodeSchedule.unknown("ep-1")
                .decided(
                        Decisions.chemodenervationConsult(),
                        "event-1",
                        new BookingPlan("ep-1", List.of(consult), List.of(), List.of(), List.of("BK-CH")));

        EpisodeSchedule cancelled = schedule.replaced(consult.cancel());

        assertThat(cancelled.appointment(consult.appointmentId()))
                .hasValueSatisfying(
                        appointment -> assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED));
        assertThat(cancelled.bookedSlotIds()).isEmpty();
    }

    @Test
    void aRetryUnderItsKeyIsAnsweredWithTheAppointmentAsItStands() {
        Appointment consult = appointment("ep-1:CHEMODENERVATION_CONSULT:online:k", "rehab-1", TUESDAY_9AM);
        EpisodeSchedule booked = EpisodeSchedule.unknown("ep-1")
                .planned(bookingOf(consult))
                .keyed(new KeyedRequest("key-1", "hash-1", consult.appointmentId()));
        EpisodeSchedule since = booked.replaced(consult.cancel());

        assertThat(booked.answered("key-1", "hash-1", null)).contains(consult);
        assertThat(since.answered("key-1", "hash-1", null))
                .hasValueSatisfying(
                        appointment -> assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED));
        assertThat(since.keyedRequests()).hasSize(1);
    }

    @Test
    void aNewKeyOrNoKeyIsAnsweredByNothingEarlier() {
        Appointment consult = appointment("ep-1:CHEMODENERVATION_CONSULT:online:k", "rehab-1", TUESDAY_9AM);
        EpisodeSchedule booked = EpisodeSchedule.unknown("ep-1")
                .planned(bookingOf(consult))
                .keyed(new KeyedRequest("key-1", "hash-1", consult.appointmentId()));

        assertThat(booked.answered("key-2", "hash-1", null)).isEmpty();
        assertThat(booked.answered(null, null, consult.appointmentId())).isEmpty();
        assertThat(booked.keyed(null)).isSameAs(booked);
    }

    @Test
    void theKeyOfOneRequestWithAnotherRequestIsAConflict() {
        Appointment consult = appointment("ep-1:CHEMODENERVATION_CONSULT:online:k", "rehab-1", TUESDAY_9AM);
        EpisodeSchedule booked = EpisodeSchedule.unknown("ep-1")
                .planned(bookingOf(consult))
                .keyed(new KeyedRequest("key-1", "hash-1", consult.appointmentId()));

        assertThatThrownBy(() -> booked.answered("key-1", "hash-2", null))
                .isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    void anEpisodeRemembersItsLatestKeysOnlyAndABookingItsOwnIdAfterItsKeyIsForgotten() {
        Appointment consult = appointment("ep-1:CHEMODENERVATION_CONSULT:online:k", "rehab-1", TUESDAY_9AM);
        EpisodeSchedule schedule = EpisodeSchedule.unknown("ep-1")
                .planned(bookingOf(consult))
                .keyed(new KeyedRequest("key-0", "hash-0", consult.appointmentId()));
        for (int i = 1; i <= EpisodeSchedule.KEPT_KEYED_REQUESTS; i++) {
            schedule = schedule.keyed(new KeyedRequest("key-" + i, "hash-" + i, consult.appointmentId()));
        }

        assertThat(schedule.keyedRequests()).hasSize(EpisodeSchedule.KEPT_KEYED_REQUESTS);
        assertThat(schedule.keyedRequest("key-0")).isEmpty();
        assertThat(schedule.keyedRequest("key-" + EpisodeSchedule.KEPT_KEYED_REQUESTS))
                .isPresent();
        assertThat(schedule.answered("key-0", "hash-0", null)).isEmpty();
        assertThat(schedule.answered("key-0", "hash-0", consult.appointmentId()))
                .contains(consult);
    }

    private static BookingPlan bookingOf(Appointment appointment) {
        return new BookingPlan(appointment.episodeId(), List.of(appointment), List.of(), List.of(), List.of());
    }

    private static Appointment appointment(String id, String providerId, Instant start) {
        AppointmentType type = AppointmentType.valueOf(id.split(":")[1]);
        Specialty specialty =
                type == AppointmentType.CHEMODENERVATION_CONSULT ? Specialty.REHABILITATION : Specialty.IMAGING;
        Slot slot = new Slot(
                providerId + "@" + start,
                providerId,
                "site-1",
                Region.QUEENS,
                specialty,
                type == AppointmentType.IMAGING_MRI ? ImagingModality.MRI : null,
                start,
                start.plusSeconds(45 * 60));
        return Appointment.inSlot(id, "ep-1", 1, type, slot, "BK-CH");
    }

    private static WaitlistEntry waiting(String id) {
        return new WaitlistEntry(
                id,
                "ep-1",
                1,
                AppointmentType.IMAGING_MRI,
                Specialty.IMAGING,
                ImagingModality.MRI,
                Region.QUEENS,
                Decisions.DECIDED_AT,
                Decisions.DECIDED_AT.plusSeconds(5 * 86_400),
                List.of(),
                Decisions.DECIDED_AT,
                WaitlistStatus.WAITING,
                "BK-SP");
    }
}
