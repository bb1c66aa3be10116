package org.carepath.scheduling.followup;

import static org.carepath.scheduling.directory.Directories.newYork;

import org.carepath.events.intake.ContactChannel;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.SlotCatalog;

/** Object Mother for follow-ups and the appointments they remind of. */
final class FollowUps {

    private FollowUps() {}

    /** An MRI at Affiliated hospital 3 on Wednesday 2026-11-25 at 09:30 in New York. */
    static Appointment mriOnWednesdayMorning() {
        return mriAt("2026-11-25", "09:30");
    }

    static Appointment mriAt(String date, String time) {
        return Appointment.inSlot(
                Decisions.EPISODE + ":IMAGING_MRI:v1",
                Decisions.EPISODE,
                1,
                AppointmentType.IMAGING_MRI,
                new SlotCatalog(Directories.bundled())
                        .resolve("mri-hospital-3@" + newYork(date, time))
                        .orElseThrow(),
                "BK-SP");
    }

    static FollowUp pending(FollowUpKind kind, String id, String appointmentId) {
        return new FollowUp(
                id,
                Decisions.EPISODE,
                kind,
                "MSG-X",
                Decisions.DECIDED_AT,
                ContactChannel.SMS,
                Decisions.PHONE,
                "text",
                appointmentId,
                FollowUpStatus.PENDING);
    }

    static FollowUp iceToHeat() {
        return pending(FollowUpKind.ICE_TO_HEAT, Decisions.EPISODE + ":ICE_TO_HEAT", null);
    }
}
