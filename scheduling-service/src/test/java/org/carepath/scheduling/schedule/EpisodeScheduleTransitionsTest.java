package org.carepath.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.BookingPlanner;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.booking.DirectoryOpenSlots;
import org.carepath.scheduling.booking.PatientTime;
import org.carepath.scheduling.booking.WaitlistCandidate;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistServed;
import org.carepath.scheduling.booking.WaitlistServer;
import org.carepath.scheduling.booking.WaitlistStatus;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.directory.SlotId;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.carepath.scheduling.followup.FollowUpStatus;
import org.carepath.scheduling.followup.QuietHours;
import org.junit.jupiter.api.Test;

/** Each transition of the aggregate: what it checks, and the one change it returns (rule ids as in the rules). */
class EpisodeScheduleTransitionsTest {

    private static final Instant NOW = Decisions.DECIDED_AT;

    private final Directory directory = Directories.queensNassauSuffolk();
    private final SlotCatalog catalog = new SlotCatalog(directory);
    private final ScheduleRules rules =
            new ScheduleRules(new BookingPlanner(directory), new FollowUpPlanner(directory, QuietHours.DEFAULT));
    // the first two days are booked up, so that what a decision books is more than a day away (MSG-APPT pending)
    private final Openings allOpen = new Openings(
            new DirectoryOpenSlots(catalog, slotIds -> slotIds.stream()
                    .filter(slotId -> SlotId.parse(slotId).start().isBefore(NOW.plus(Duration.ofDays(2))))
                    .collect(Collectors.toSet())),
            List.of());

    @Test
    void bkSpADecisionBooksInTheOpenSlotsClaimsWhatItBooksAndRemindsOfIt() {
        ScheduleChange change = EpisodeSchedule.unknown(Decisions.EPISODE)
                .decide(Decisions.specialistReferral(), "e1", allOpen, NOW, rules);

        Appointment visit = change.next().booked().get(0);
        assertThat(visit.type()).isEqualTo(AppointmentType.SPECIALIST_VISIT);
        assertThat(change.claimsToTake()).containsExactly(visit);
        assertThat(change.claimsToRelease()).isEmpty();
        assertThat(change.events()).first().isEqualTo(new ScheduleEvent.Booked(visit));
        assertThat(change.next().hasApplied("e1")).isTrue();
        assertThat(change.next().followUps())
                .filteredOn(FollowUp::isReminder)
                .singleElement()
                .satisfies(reminder -> assertThat(reminder.followUpId()).isEqualTo(FollowUpPlanner.reminderId(visit)));
        assertThat(change.timer()).isPresent();
    }

    @Test
    void aRedeliveredDecisionOrAnOlderVersionChangesNothing() {
        EpisodeSchedule decided = decidedReferral();

        ScheduleChange redelivered = decided.decide(Decisions.specialistReferral(), "e1", allOpen, NOW, rules);
        ScheduleChange sameVersion = decided.decide(Decisions.specialistReferral(), "e2", allOpen, NOW, rules);

        assertThat(redelivered.changesNothing()).isTrue();
        assertThat(redelivered.events()).isEmpty();
        assertThat(sameVersion.changesNothing()).isTrue();
        assertThat(sameVersion.claimsToTake()).isEmpty();
    }

    @Test
    void bkErKeepsTheBookedAppointmentsWithTheirRemindersAndSendsMsgErAtOnce() {
        EpisodeSchedule decided = decidedReferral();

        ScheduleChange change =
                decided.decide(Decisions.withVersion(Decisions.emergency(), 2), "e2", allOpen, NOW, rules);

        assertThat(change.next().booked()).isEqualTo(decided.booked());
        assertThat(change.claimsToRelease()).isEmpty();
        assertThat(change.next().followUps())
                .filteredOn(FollowUp::isReminder)
                .allMatch(FollowUp::isPending)
                .isNotEmpty();
        assertThat(change.events())
                .filteredOn(ScheduleEvent.FollowUpDue.class::isInstance)
                .singleElement()
                .satisfies(due -> assertThat(
                                ((ScheduleEvent.FollowUpDue) due).followUp().kind())
                        .isEqualTo(FollowUpKind.EMERGENCY_INSTRUCTION));
    }

    @Test
    void bkRcCancelsTheFutureAppointmentsWithTheirRemindersAndFreesTheirSlots() {
        EpisodeSchedule decided = decidedReferral();
        Appointment visit = decided.booked().get(0);

        ScheduleChange change =
                decided.decide(Decisions.withVersion(Decisions.recovered(), 2), "e2", allOpen, NOW, rules);

        assertThat(change.next().booked()).isEmpty();
        assertThat(change.claimsToRelease()).singleElement().satisfies(released -> assertThat(released.appointmentId())
                .isEqualTo(visit.appointmentId()));
        assertThat(change.events()).contains(new ScheduleEvent.Cancelled(visit.cancel(), BookingPlan.RECOVERED));
        assertThat(change.next().followUps()).noneMatch(FollowUp::isPending);
    }

    @Test
    void msgStaleAMoveCancelsTheOldReminderPlansOneForTheNewTimeAndGivesUpTheOldSlot() {
        EpisodeSchedule decided = decidedReferral();
        Appointment visit = decided.booked().get(0);
        Slot later = slotOf("ortho-queens-1", visit.start().plus(Duration.ofDays(1)));

        ScheduleChange change = decided.reschedule(visit.appointmentId(), later, null, List.of(), NOW, rules);

        Appointment moved = change.next().appointment(visit.appointmentId()).orElseThrow();
        assertThat(moved.slotId()).isEqualTo(later.slotId());
        assertThat(change.claimsToTake()).containsExactly(moved);
        assertThat(change.claimsToRelease()).containsExactly(visit);
        assertThat(change.events()).first().isEqualTo(new ScheduleEvent.Rescheduled(moved));
        assertThat(change.next().followUps())
                .filteredOn(FollowUp::isReminder)
                .filteredOn(FollowUp::isPending)
                .singleElement()
                .satisfies(reminder -> assertThat(reminder.followUpId()).isEqualTo(FollowUpPlanner.reminderId(moved)));
    }

    @Test
    void msgStaleMovingBackToTheFirstSlotGivesItsReminderBack() {
        EpisodeSchedule decided = decidedReferral();
        Appointment visit = decided.booked().get(0);
        Slot first = slotOf("ortho-queens-1", visit.start());
        Slot later = slotOf("ortho-queens-1", visit.start().plus(Duration.ofDays(1)));

        EpisodeSchedule movedAway = decided.reschedule(visit.appointmentId(), later, null, List.of(), NOW, rules)
                .next();
        ScheduleChange back = movedAway.reschedule(visit.appointmentId(), first, null, List.of(), NOW, rules);

        Appointment moved = back.next().appointment(visit.appointmentId()).orElseThrow();
        assertThat(moved.slotId()).isEqualTo(first.slotId());
        assertThat(back.next().followUps())
                .filteredOn(FollowUp::isReminder)
                .filteredOn(FollowUp::isPending)
                .singleElement()
                .satisfies(reminder -> assertThat(reminder.followUpId()).isEqualTo(FollowUpPlanner.reminderId(moved)));
    }

    @Test
    void aMoveToASlotThatDoesNotSuitIsRefusedNamingTheSlot() {
        EpisodeSchedule decided = decidedReferral();
        Appointment visit = decided.booked().get(0);
        Slot xray = slotOf("xray-queens-clinic", visit.start().plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> decided.reschedule(visit.appointmentId(), xray, null, List.of(), NOW, rules))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.field())
                        .contains("slotId"));
    }

    @Test
    void bookingWhileThePatientIsBusyInAnotherEpisodeIsRefused() {
        EpisodeSchedule decided = decidedReferral();
        Slot slot = slotOf("ortho-nassau-1", NOW.plus(Duration.ofDays(3)));
        PatientTime busy = new PatientTime("ep-2:X:v1", "ep-2", slot.start(), slot.end());

        assertThatThrownBy(() -> decided.book(
                        "ep-1:SPECIALIST_VISIT:online:1",
                        AppointmentType.SPECIALIST_VISIT,
                        slot,
                        null,
                        List.of(busy),
                        NOW,
                        rules))
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.field())
                        .isEmpty());
    }

    @Test
    void aBookingUnderAKeyIsAnsweredOnRetryAndTheKeyWithAnotherRequestIsRefused() {
        EpisodeSchedule decided = decidedReferral();
        Slot slot = slotOf("ortho-nassau-1", NOW.plus(Duration.ofDays(3)));
        String id = "ep-1:SPECIALIST_VISIT:online:1";
        KeyedRequest keyed = new KeyedRequest("key-1", "hash-1", id);
        EpisodeSchedule booked = decided.book(id, AppointmentType.SPECIALIST_VISIT, slot, keyed, List.of(), NOW, rules)
                .next();

        ScheduleChange retried = booked.book(id, AppointmentType.SPECIALIST_VISIT, slot, keyed, List.of(), NOW, rules);

        assertThat(retried.changesNothing()).isTrue();
        assertThat(booked.answered(keyed, id)).hasValueSatisfying(appointment -> assertThat(appointment.slotId())
                .isEqualTo(slot.slotId()));
        assertThatThrownBy(() -> booked.cancel(id, null, new KeyedRequest("key-1", "hash-2", id), NOW, rules))
                .isInstanceOf(ChangeRefused.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    void aCancellationCancelsTheRemindersAndARepeatedOneChangesNothingButFreesTheSlotAgain() {
        EpisodeSchedule decided = decidedReferral();
        Appointment visit = decided.booked().get(0);

        ScheduleChange cancelled = decided.cancel(visit.appointmentId(), null, null, NOW, rules);
        ScheduleChange again = cancelled.next().cancel(visit.appointmentId(), null, null, NOW, rules);

        assertThat(cancelled.next().appointment(visit.appointmentId()))
                .hasValueSatisfying(
                        appointment -> assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED));
        assertThat(cancelled.events())
                .first()
                .isEqualTo(new ScheduleEvent.Cancelled(visit.cancel(), EpisodeSchedule.CANCELLED_ONLINE));
        assertThat(cancelled.next().followUps())
                .filteredOn(FollowUp::isReminder)
                .allMatch(reminder -> reminder.status() == FollowUpStatus.CANCELLED);
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(again.claimsToRelease()).containsExactly(visit.cancel());
    }

    @Test
    void aFreedSlotServesAWaitingEntryAndAnEntryNoLongerWaitingChangesNothing() {
        Openings noneOpen = new Openings(query -> List.of(), List.of());
        EpisodeSchedule waiting = EpisodeSchedule.unknown(Decisions.EPISODE)
                .decide(Decisions.specialistReferral(), "e1", noneOpen, NOW, rules)
                .next();
        WaitlistEntry entry = waiting.bookings().waiting().get(0);
        Slot freed = slotOf("ortho-queens-1", NOW.plus(Duration.ofDays(2)));
        WaitlistServed toServe = WaitlistServer.serve(
                        freed, List.of(new WaitlistCandidate(entry, waiting.bookings())), NOW)
                .orElseThrow();

        ScheduleChange served = waiting.serve(toServe, NOW, rules);
        ScheduleChange servedAgain = served.next().serve(toServe, NOW, rules);

        assertThat(served.claimsToTake()).containsExactly(toServe.appointment());
        assertThat(served.next().waitlist()).singleElement().satisfies(updated -> assertThat(updated.status())
                .isEqualTo(WaitlistStatus.SERVED));
        assertThat(served.next().followUps()).anyMatch(FollowUp::isReminder);
        assertThat(servedAgain.changesNothing()).isTrue();
    }

    private EpisodeSchedule decidedReferral() {
        TriageDecided referral = Decisions.specialistReferral();
        return EpisodeSchedule.unknown(Decisions.EPISODE)
                .decide(referral, "e1", allOpen, NOW, rules)
                .next();
    }

    /** The provider's first slot from {@code from} on. */
    private Slot slotOf(String providerId, Instant from) {
        return catalog.slotsOf(
                        directory.providers().stream()
                                .filter(provider -> provider.id().equals(providerId))
                                .findFirst()
                                .orElseThrow(),
                        from,
                        from.plus(Duration.ofDays(7)))
                .get(0);
    }
}
