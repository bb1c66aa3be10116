package org.carepath.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.scheduling.directory.Directories.newYork;

import java.util.List;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.junit.jupiter.api.Test;

/** Imaging before the visit that reads it (BK-SP, BK-SU), and a patient's appointments never overlap (§4.2). */
class SequencingTest {

    private final Directory directory = Directories.bundled();
    private final BookingPlanner planner = new BookingPlanner(directory);

    @Test
    void booksTheSpecialistOnTheBusinessDayAfterTheImaging() {
        BookingPlan plan = planner.plan(
                Decisions.specialistReferralWithMri(), EpisodeBookings.none(), Calendars.allFree(directory));

        Appointment mri = appointment(plan, AppointmentType.IMAGING_MRI);
        Appointment visit = appointment(plan, AppointmentType.SPECIALIST_VISIT);
        assertThat(mri.start()).isEqualTo(newYork("2026-11-24", "10:15"));
        assertThat(mri.siteId()).isEqualTo("hospital-3");
        assertThat(visit.start()).isEqualTo(newYork("2026-11-25", "08:00"));
    }

    @Test
    void skipsTheWeekendBetweenImagingOnFridayAndTheVisit() {
        TriageDecided onFriday =
                Decisions.decidedAt(Decisions.specialistReferralWithMri(), newYork("2026-11-27", "10:00"));

        BookingPlan plan = planner.plan(onFriday, EpisodeBookings.none(), Calendars.allFree(directory));

        assertThat(appointment(plan, AppointmentType.IMAGING_MRI).start()).isEqualTo(newYork("2026-11-27", "10:15"));
        assertThat(appointment(plan, AppointmentType.SPECIALIST_VISIT).start())
                .isEqualTo(newYork("2026-11-30", "08:00"));
    }

    @Test
    void booksTheSurgicalConsultAfterTheCt() {
        BookingPlan plan =
                planner.plan(Decisions.surgicalConsultWithCt(), EpisodeBookings.none(), Calendars.allFree(directory));

        Appointment ct = appointment(plan, AppointmentType.IMAGING_CT);
        Appointment consult = appointment(plan, AppointmentType.SURGICAL_CONSULT);
        assertThat(ct.start()).isEqualTo(newYork("2026-11-24", "10:00"));
        assertThat(consult.start()).isEqualTo(newYork("2026-11-25", "08:00"));
    }

    @Test
    void waitlistsTheVisitWhileItsImagingWaits() {
        OpenSlots mriFull = Calendars.fullyBooked(
                directory, "mri-hospital-1", "mri-hospital-2", "mri-hospital-3", "mri-hospital-5");

        BookingPlan plan = planner.plan(Decisions.specialistReferralWithMri(), EpisodeBookings.none(), mriFull);

        assertThat(plan.appointments()).isEmpty();
        assertThat(plan.waitlisted())
                .extracting(WaitlistEntry::type)
                .containsExactly(AppointmentType.IMAGING_MRI, AppointmentType.SPECIALIST_VISIT);
        assertThat(plan.waitlisted().get(1).after()).containsExactly(AppointmentType.IMAGING_MRI);
    }

    @Test
    void booksAnUrgentVisitInsideItsWindowWhenImagingLeavesNoBusinessDayBeforeIt() {
        // SP-5: the visit is due by Friday 10:00, and the first free MRI is on Friday morning (BK-URGENT)
        OpenSlots mriFreeFromFriday = Calendars.takenUntil(directory, newYork("2026-11-27", "08:00"), "mri-");

        BookingPlan plan =
                planner.plan(Decisions.cancerHistoryReferralWithMri(), EpisodeBookings.none(), mriFreeFromFriday);

        assertThat(appointment(plan, AppointmentType.IMAGING_MRI).start()).isEqualTo(newYork("2026-11-27", "08:00"));
        assertThat(plan.waitlisted()).isEmpty();
        Appointment visit = appointment(plan, AppointmentType.SPECIALIST_VISIT);
        assertThat(visit.start()).isBefore(newYork("2026-11-27", "10:00"));
        assertThat(visit.rule()).isEqualTo("BK-URGENT");
        assertThat(plan.rules()).contains("BK-SP", "BK-URGENT");
    }

    @Test
    void neverOverlapsAnAppointmentTheEpisodeAlreadyHas() {
        Appointment xray = Appointment.inSlot(
                "ep-1:IMAGING_XRAY:v1",
                Decisions.EPISODE,
                1,
                AppointmentType.IMAGING_XRAY,
                Calendars.slot(directory, "xray-queens-clinic@" + newYork("2026-11-24", "10:00")),
                "BK-CC");
        EpisodeBookings existing = new EpisodeBookings(List.of(xray), List.of());

        BookingPlan plan = planner.plan(
                Decisions.withVersion(Decisions.specialistReferral(), 2), existing, Calendars.allFree(directory));

        assertThat(appointment(plan, AppointmentType.SPECIALIST_VISIT).start())
                .isEqualTo(newYork("2026-11-24", "10:30"));
    }

    @Test
    void keepsTheAppointmentsOfOnePlanApart() {
        TriageDecided atEight = Decisions.decidedAt(
                Decisions.withImaging(Decisions.conservativeCareWithPhysicalTherapy(), Decisions.xray()),
                newYork("2026-11-24", "08:00"));

        BookingPlan plan = planner.plan(atEight, EpisodeBookings.none(), Calendars.allFree(directory));

        Appointment xray = appointment(plan, AppointmentType.IMAGING_XRAY);
        Appointment physicalTherapy = appointment(plan, AppointmentType.PT_EVALUATION);
        assertThat(xray.start()).isEqualTo(newYork("2026-11-24", "08:00"));
        assertThat(physicalTherapy.start()).isEqualTo(newYork("2026-11-24", "08:45"));
        assertThat(physicalTherapy.overlaps(xray.start(), xray.end())).isFalse();
    }

    private static Appointment appointment(BookingPlan plan, AppointmentType type) {
        return plan.appointments().stream()
                .filter(appointment -> appointment.type() == type)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + plan));
    }
}
