package org.carepath.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.carepath.scheduling.directory.Directories.newYork;

import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Slot;
import org.junit.jupiter.api.Test;

class AppointmentTest {

    private final Directory directory = Directories.bundled();
    private final Slot surgeonSlot = Calendars.slot(directory, "surgeon-queens-1@" + newYork("2026-11-25", "09:30"));

    @Test
    void lastsItsTypesMinutesWithinTheSlot() {
        Appointment visit = Appointment.inSlot(
                "ep-1:SPECIALIST_VISIT:v1", "ep-1", 1, AppointmentType.SPECIALIST_VISIT, surgeonSlot, "BK-SP");

        assertThat(visit.start()).isEqualTo(surgeonSlot.start());
        assertThat(visit.end()).isEqualTo(newYork("2026-11-25", "10:00"));
        assertThat(visit.end()).isBeforeOrEqualTo(surgeonSlot.end());
        assertThat(visit.slotId()).isEqualTo(surgeonSlot.slotId());
        assertThat(visit.cpt()).isEqualTo("99204");
    }

    @Test
    void refusesASlotOfTheWrongKind() {
        Slot xraySlot = Calendars.slot(directory, "xray-queens-clinic@" + newYork("2026-11-25", "09:30"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Appointment.inSlot("a", "ep-1", 1, AppointmentType.IMAGING_MRI, xraySlot, "BK-SP"))
                .withMessageContaining("does not suit a IMAGING_MRI");
    }

    @Test
    void refusesASlotTooShortForTheType() {
        Slot orthoSlot = Calendars.slot(directory, "ortho-queens-1@" + newYork("2026-11-25", "09:30"));

        assertThat(orthoSlot.suits(AppointmentType.SPECIALIST_VISIT)).isTrue();
        assertThat(orthoSlot.suits(AppointmentType.SURGICAL_CONSULT)).isFalse();
    }

    @Test
    void cancellingFreesTheAppointmentOnce() {
        Appointment visit = Appointment.inSlot("a", "ep-1", 1, AppointmentType.SURGICAL_CONSULT, surgeonSlot, "BK-SU");

        Appointment cancelled = visit.cancel();

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.overlaps(visit.start(), visit.end())).isFalse();
        assertThat(cancelled.cancelled("patient request").appointmentId()).isEqualTo("a");
        assertThatIllegalStateException().isThrownBy(cancelled::cancel).withMessageContaining("CANCELLED");
    }

    @Test
    void reschedulingKeepsTheIdAndMovesTheSlot() {
        Appointment visit = Appointment.inSlot("a", "ep-1", 1, AppointmentType.SURGICAL_CONSULT, surgeonSlot, "BK-SU");
        Slot later = Calendars.slot(directory, "surgeon-queens-1@" + newYork("2026-11-26", "08:00"));

        Appointment moved = visit.rescheduleTo(later);

        assertThat(moved.appointmentId()).isEqualTo("a");
        assertThat(moved.slotId()).isEqualTo(later.slotId());
        assertThat(moved.end()).isEqualTo(newYork("2026-11-26", "08:45"));
        assertThatIllegalStateException().isThrownBy(() -> visit.cancel().rescheduleTo(later));
    }

    @Test
    void publishesAsAppointmentBooked() {
        Appointment visit = Appointment.inSlot("a", "ep-1", 1, AppointmentType.SURGICAL_CONSULT, surgeonSlot, "BK-SU");

        AppointmentBooked booked = visit.booked();

        assertThat(booked.providerId()).isEqualTo("surgeon-queens-1");
        assertThat(booked.siteId()).isEqualTo("hospital-3");
        assertThat(booked.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.cpt()).isEqualTo("99204");
    }

    @Test
    void aWaitlistEntryLeavesTheWaitlistOnce() {
        WaitlistEntry entry = new BookingPlanner(directory)
                .plan(Decisions.surgicalConsult(), EpisodeBookings.none(), Calendars.noneFree())
                .waitlisted()
                .get(0);

        WaitlistEntry served = entry.serve();

        assertThat(served.status()).isEqualTo(WaitlistStatus.SERVED);
        assertThatIllegalStateException().isThrownBy(served::withdraw).withMessageContaining("SERVED");
        assertThat(entry.withdraw().isWaiting()).isFalse();
    }
}
