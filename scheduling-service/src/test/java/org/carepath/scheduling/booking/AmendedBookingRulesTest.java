package org.carepath.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.scheduling.directory.Directories.newYork;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * scheduling-rules §3 as amended 2026-12 (BK-ER, BK-RC) and added (BK-REBOOK, BK-URGENT), and §4.2 across a
 * patient's episodes: one row where each rule fires and at least one where it must not.
 */
class AmendedBookingRulesTest {

    private static final Directory DIRECTORY = Directories.bundled();
    private static final Instant NOW = Decisions.DECIDED_AT; // Tuesday 2026-11-24, 10:00 in New York

    private final BookingPlanner planner = new BookingPlanner(DIRECTORY);

    static Stream<Arguments> rules() {
        Appointment mriAhead = mri("2026-11-25", "09:30");
        Appointment mriUnderWay = mri("2026-11-24", "09:30");
        Appointment visit = visit("2026-11-26", "10:00");
        OpenSlots allFree = Calendars.allFree(DIRECTORY);
        OpenSlots mriFreeFromFriday = Calendars.takenUntil(DIRECTORY, newYork("2026-11-27", "08:00"), "mri-");
        return Stream.of(
                row(
                        "BK-ER fires: an emergency keeps the MRI booked",
                        "BK-ER",
                        v2(Decisions.emergency()),
                        List.of(mriAhead),
                        allFree,
                        true,
                        List.of(),
                        List.of()),
                row(
                        "BK-ER does not fire: recovering cancels the MRI",
                        "BK-ER",
                        v2(Decisions.recovered()),
                        List.of(mriAhead),
                        allFree,
                        false,
                        List.of(mriAhead.appointmentId()),
                        List.of()),
                row(
                        "BK-RC fires: the MRI still ahead is cancelled",
                        "BK-RC",
                        v2(Decisions.recovered()),
                        List.of(mriAhead, visit),
                        allFree,
                        true,
                        List.of(mriAhead.appointmentId(), visit.appointmentId()),
                        List.of()),
                row(
                        "BK-RC fires, and leaves an appointment already under way",
                        "BK-RC",
                        v2(Decisions.recovered()),
                        List.of(mriUnderWay),
                        allFree,
                        true,
                        List.of(),
                        List.of()),
                row(
                        "BK-RC does not fire: an emergency cancels nothing",
                        "BK-RC",
                        v2(Decisions.emergency()),
                        List.of(mriAhead),
                        allFree,
                        false,
                        List.of(),
                        List.of()),
                row(
                        "BK-REBOOK fires: the visit booked and cancelled is booked again",
                        "BK-REBOOK",
                        v2(Decisions.specialistReferral()),
                        List.of(visit.cancel()),
                        allFree,
                        true,
                        List.of(),
                        List.of(AppointmentType.SPECIALIST_VISIT)),
                row(
                        "BK-REBOOK does not fire: a visit still booked is not booked twice",
                        "BK-REBOOK",
                        v2(Decisions.specialistReferral()),
                        List.of(visit),
                        allFree,
                        false,
                        List.of(),
                        List.of()),
                row(
                        "BK-REBOOK does not fire: a first visit is no rebooking",
                        "BK-REBOOK",
                        Decisions.specialistReferral(),
                        List.of(),
                        allFree,
                        false,
                        List.of(),
                        List.of(AppointmentType.SPECIALIST_VISIT)),
                row(
                        "BK-URGENT fires for SP-5: the visit inside 3 days, though before its MRI",
                        "BK-URGENT",
                        Decisions.cancerHistoryReferralWithMri(),
                        List.of(),
                        mriFreeFromFriday,
                        true,
                        List.of(),
                        List.of(AppointmentType.IMAGING_MRI, AppointmentType.SPECIALIST_VISIT)),
                row(
                        "BK-URGENT fires for ER-HOLD",
                        "BK-URGENT",
                        Decisions.emergencyHoldReferralWithMri(),
                        List.of(),
                        mriFreeFromFriday,
                        true,
                        List.of(),
                        List.of(AppointmentType.IMAGING_MRI, AppointmentType.SPECIALIST_VISIT)),
                row(
                        "BK-URGENT does not fire when the MRI leaves a business day before the visit",
                        "BK-URGENT",
                        Decisions.cancerHistoryReferralWithMri(),
                        List.of(),
                        allFree,
                        false,
                        List.of(),
                        List.of(AppointmentType.IMAGING_MRI, AppointmentType.SPECIALIST_VISIT)),
                row(
                        "BK-URGENT does not fire for a routine referral: its visit follows the MRI",
                        "BK-URGENT",
                        Decisions.specialistReferralWithMri(),
                        List.of(),
                        mriFreeFromFriday,
                        false,
                        List.of(),
                        List.of(AppointmentType.IMAGING_MRI, AppointmentType.SPECIALIST_VISIT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void appliesTheAmendedRuleExactlyWhenItFires(
            String example,
            String rule,
            TriageDecided decision,
            List<Appointment> existing,
            OpenSlots open,
            boolean fires,
            List<String> cancelled,
            List<AppointmentType> booked) {
        BookingPlan plan = planner.plan(decision, new EpisodeBookings(existing, List.of()), open, NOW);

        assertThat(plan.rules().contains(rule)).as("rules %s", plan.rules()).isEqualTo(fires);
        assertThat(plan.cancelled()).extracting(Appointment::appointmentId).containsExactlyElementsOf(cancelled);
        assertThat(plan.cancelled())
                .allSatisfy(appointment -> assertThat(appointment.isBooked()).isFalse());
        assertThat(plan.appointments()).extracting(Appointment::type).containsExactlyElementsOf(booked);
        assertThat(plan.appointments().stream().anyMatch(appointment -> rule.equals(appointment.rule())))
                .isEqualTo(fires && rule.equals("BK-URGENT"));
    }

    @Test
    void theUrgentVisitOrdinarilyStillFollowsItsImagingByABusinessDay() {
        BookingPlan plan = planner.plan(
                Decisions.cancerHistoryReferralWithMri(), EpisodeBookings.none(), Calendars.allFree(DIRECTORY), NOW);

        Appointment imaging = plan.appointments().get(0);
        Appointment visit = plan.appointments().get(1);
        assertThat(visit.start()).isAfterOrEqualTo(newYork("2026-11-25", "00:00"));
        assertThat(imaging.start()).isBefore(visit.start());
        assertThat(visit.rule()).isEqualTo("BK-SP");
    }

    @Test
    void keepsClearOfThePatientsAppointmentsInTheirOtherEpisodes() {
        // §4.2 (amended): the same patient's X-ray in another episode, Tuesday 10:00–10:15 in Queens
        PatientTime otherEpisode = new PatientTime(
                "ep-2:IMAGING_XRAY:v1", "ep-2", newYork("2026-11-24", "10:00"), newYork("2026-11-24", "10:15"));

        BookingPlan alone =
                planner.plan(Decisions.specialistReferral(), EpisodeBookings.none(), Calendars.allFree(DIRECTORY));
        BookingPlan apart = planner.plan(
                Decisions.specialistReferral(),
                EpisodeBookings.none().alsoBusy(List.of(otherEpisode)),
                Calendars.allFree(DIRECTORY));

        assertThat(alone.appointments().get(0).start()).isEqualTo(newYork("2026-11-24", "10:00"));
        assertThat(apart.appointments().get(0).start()).isEqualTo(newYork("2026-11-24", "10:30"));
    }

    private static Arguments row(
            String example,
            String rule,
            TriageDecided decision,
            List<Appointment> existing,
            OpenSlots open,
            boolean fires,
            List<String> cancelled,
            List<AppointmentType> booked) {
        return Arguments.of(example, rule, decision, existing, open, fires, cancelled, booked);
    }

    private static TriageDecided v2(TriageDecided decision) {
        return Decisions.withVersion(decision, 2);
    }

    private static Appointment mri(String date, String time) {
        return Appointment.inSlot(
                Decisions.EPISODE + ":IMAGING_MRI:v1",
                Decisions.EPISODE,
                1,
                AppointmentType.IMAGING_MRI,
                Calendars.slot(DIRECTORY, "mri-hospital-3@" + newYork(date, time)),
                "BK-SP");
    }

    private static Appointment visit(String date, String time) {
        return Appointment.inSlot(
                Decisions.EPISODE + ":SPECIALIST_VISIT:v1",
                Decisions.EPISODE,
                1,
                AppointmentType.SPECIALIST_VISIT,
                Calendars.slot(DIRECTORY, "ortho-queens-1@" + newYork(date, time)),
                "BK-SP");
    }
}
