package org.carepath.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.carepath.scheduling.directory.Directories.newYork;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.junit.jupiter.api.Test;

/** Re-planning, later decision versions, and the waitlist of one episode. */
class BookingPlannerTest {

    private static final String[] MRI_ROOMS = {"mri-hospital-1", "mri-hospital-2", "mri-hospital-3", "mri-hospital-5"};

    private final Directory directory = Directories.bundled();
    private final BookingPlanner planner = new BookingPlanner(directory);

    @Test
    void namesAppointmentsAfterEpisodeTypeAndDecisionVersion() {
        BookingPlan plan = planner.plan(
                Decisions.specialistReferralWithMri(), EpisodeBookings.none(), Calendars.allFree(directory));

        assertThat(plan.appointments())
                .extracting(Appointment::appointmentId)
                .containsExactly("ep-1:IMAGING_MRI:v1", "ep-1:SPECIALIST_VISIT:v1");
    }

    @Test
    void replanningTheSameDecisionVersionBooksNothingMore() {
        TriageDecided decision = Decisions.specialistReferralWithMri();
        BookingPlan first = planner.plan(decision, EpisodeBookings.none(), Calendars.allFree(directory));

        BookingPlan again =
                planner.plan(decision, applied(EpisodeBookings.none(), first), Calendars.allFree(directory));

        assertThat(first.appointments()).hasSize(2);
        assertThat(again.changesNothing()).isTrue();
    }

    @Test
    void replanningAWaitlistedDecisionWaitlistsNothingMore() {
        TriageDecided decision = Decisions.specialistReferralWithMri();
        BookingPlan first = planner.plan(decision, EpisodeBookings.none(), Calendars.noneFree());

        BookingPlan again =
                planner.plan(decision, applied(EpisodeBookings.none(), first), Calendars.allFree(directory));

        assertThat(first.waitlisted()).hasSize(2);
        assertThat(again.changesNothing()).isTrue();
    }

    @Test
    void aLaterVersionBooksOnlyWhatEarlierVersionsHaveNot() {
        BookingPlan first = planner.plan(
                Decisions.conservativeCareAfterFall(), EpisodeBookings.none(), Calendars.allFree(directory));
        TriageDecided referral = Decisions.withVersion(
                Decisions.withImaging(Decisions.specialistReferralWithMri(), Decisions.xray()), 2);

        BookingPlan second =
                planner.plan(referral, applied(EpisodeBookings.none(), first), Calendars.allFree(directory));

        assertThat(second.appointments())
                .extracting(Appointment::appointmentId)
                .containsExactly("ep-1:IMAGING_MRI:v2", "ep-1:SPECIALIST_VISIT:v2");
    }

    @Test
    void aLaterVersionRebooksACancelledAppointmentItStillCallsFor() {
        BookingPlan first =
                planner.plan(Decisions.specialistReferral(), EpisodeBookings.none(), Calendars.allFree(directory));
        Appointment cancelled = first.appointments().get(0).cancel();

        BookingPlan second = planner.plan(
                Decisions.withVersion(Decisions.specialistReferral(), 2),
                new EpisodeBookings(List.of(cancelled), List.of()),
                Calendars.allFree(directory));

        // BK-REBOOK
        assertThat(second.appointments())
                .extracting(Appointment::appointmentId)
                .containsExactly("ep-1:SPECIALIST_VISIT:v2");
        assertThat(second.rules()).containsExactly("BK-SP", "BK-REBOOK");
    }

    @Test
    void anOlderVersionArrivingLateBooksNothing() {
        BookingPlan second = planner.plan(
                Decisions.withVersion(Decisions.specialistReferral(), 2),
                EpisodeBookings.none(),
                Calendars.allFree(directory));

        BookingPlan stale = planner.plan(
                Decisions.conservativeCareWithPhysicalTherapy(),
                applied(EpisodeBookings.none(), second),
                Calendars.allFree(directory));

        assertThat(stale.changesNothing()).isTrue();
    }

    @Test
    void anEmergencyWithdrawsWhatStillWaits() {
        BookingPlan waiting =
                planner.plan(Decisions.specialistReferralWithMri(), EpisodeBookings.none(), Calendars.noneFree());

        BookingPlan emergency = planner.plan(
                Decisions.withVersion(Decisions.emergency(), 2),
                applied(EpisodeBookings.none(), waiting),
                Calendars.allFree(directory));

        assertThat(emergency.rules()).containsExactly("BK-ER");
        assertThat(emergency.appointments()).isEmpty();
        assertThat(emergency.waitlistUpdates())
                .extracting(WaitlistEntry::status)
                .containsExactly(WaitlistStatus.WITHDRAWN, WaitlistStatus.WITHDRAWN);
    }

    @Test
    void recoveryWithdrawsWhatStillWaits() {
        BookingPlan waiting =
                planner.plan(Decisions.chemodenervationConsult(), EpisodeBookings.none(), Calendars.noneFree());

        BookingPlan recovered = planner.plan(
                Decisions.withVersion(Decisions.recovered(), 2),
                applied(EpisodeBookings.none(), waiting),
                Calendars.allFree(directory));

        assertThat(recovered.rules()).containsExactly("BK-RC");
        assertThat(recovered.waitlistUpdates()).singleElement().satisfies(entry -> assertThat(entry.status())
                .isEqualTo(WaitlistStatus.WITHDRAWN));
    }

    @Test
    void retryingTheWaitlistBooksTheImagingThenTheVisitAfterIt() {
        BookingPlan waiting = planner.plan(
                Decisions.specialistReferralWithMri(),
                EpisodeBookings.none(),
                Calendars.fullyBooked(directory, MRI_ROOMS));
        EpisodeBookings bookings = applied(EpisodeBookings.none(), waiting);

        BookingPlan retried = planner.retryWaitlist(
                Decisions.EPISODE, bookings, Calendars.allFree(directory), newYork("2026-11-25", "09:00"));

        assertThat(retried.appointments())
                .extracting(Appointment::appointmentId)
                .containsExactly("ep-1:IMAGING_MRI:v1", "ep-1:SPECIALIST_VISIT:v1");
        assertThat(retried.appointments().get(0).start()).isEqualTo(newYork("2026-11-25", "09:30"));
        assertThat(retried.appointments().get(1).start()).isEqualTo(newYork("2026-11-26", "08:00"));
        assertThat(retried.waitlistUpdates()).extracting(WaitlistEntry::status).containsOnly(WaitlistStatus.SERVED);
        assertThat(retried.rules()).containsExactly("BK-SP");
    }

    @Test
    void retryingTheWaitlistKeepsWaitingWhenStillFull() {
        BookingPlan waiting = planner.plan(
                Decisions.specialistReferralWithMri(),
                EpisodeBookings.none(),
                Calendars.fullyBooked(directory, MRI_ROOMS));

        BookingPlan retried = planner.retryWaitlist(
                Decisions.EPISODE,
                applied(EpisodeBookings.none(), waiting),
                Calendars.fullyBooked(directory, MRI_ROOMS),
                Decisions.DECIDED_AT);

        assertThat(retried.changesNothing()).isTrue();
    }

    @Test
    void refusesADecisionWithoutItsEpisodeContext() {
        TriageDecided withoutContext = Decisions.withEpisode(Decisions.specialistReferral(), null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> planner.plan(withoutContext, EpisodeBookings.none(), Calendars.noneFree()))
                .withMessageContaining("ep-1");
    }

    @Test
    void appointmentsCarryTheTypesCptAndLength() {
        BookingPlan plan =
                planner.plan(Decisions.surgicalConsultWithCt(), EpisodeBookings.none(), Calendars.allFree(directory));

        assertThat(plan.appointments()).allSatisfy(appointment -> {
            assertThat(appointment.cpt()).isEqualTo(appointment.type().cpt());
            assertThat(appointment.end())
                    .isEqualTo(appointment
                            .start()
                            .plusSeconds(60L * appointment.type().minutes()));
            assertThat(appointment.booked().status()).isEqualTo(AppointmentStatus.BOOKED);
        });
    }

    /** The episode's bookings once a plan has been stored. */
    static EpisodeBookings applied(EpisodeBookings bookings, BookingPlan plan) {
        List<Appointment> appointments = Stream.concat(bookings.appointments().stream(), plan.appointments().stream())
                .toList();
        List<WaitlistEntry> waitlist = Stream.concat(
                        bookings.waitlist().stream().filter(entry -> plan.waitlistUpdates().stream()
                                .noneMatch(update -> update.entryId().equals(entry.entryId()))),
                        Stream.concat(plan.waitlisted().stream(), plan.waitlistUpdates().stream()))
                .toList();
        return new EpisodeBookings(appointments, waitlist);
    }
}
