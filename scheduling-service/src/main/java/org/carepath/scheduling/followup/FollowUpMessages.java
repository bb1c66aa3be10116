package org.carepath.scheduling.followup;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.scheduling.directory.ClinicTime;

/** The English texts of the follow-up messages; dates and times are shown in America/New_York. */
final class FollowUpMessages {

    private static final DateTimeFormatter DATE_AND_TIME = DateTimeFormatter.ofPattern(
                    "EEEE, MMMM d, yyyy 'at' h:mm a", Locale.US)
            .withZone(ClinicTime.ZONE);

    private FollowUpMessages() {}

    // MSG-48H
    static String iceToHeat() {
        return "Carepath: it has been 48 hours since your back spasm began. Switch from ice to heat now: a warm"
                + " compress or heating pad for 15 to 20 minutes helps the muscle relax. Keep gently active.";
    }

    // MSG-14D
    static String twoWeekCheck() {
        return "Carepath: it has been two weeks since your back pain began. Is your pain better? Reply with a"
                + " check-in (pain from 0 to 10, and whether it is improving) so we can adjust your care.";
    }

    // MSG-21D
    static String recoveryCheck() {
        return "Carepath: most people feel better within 2 to 3 weeks. Tell us how you are with a check-in;"
                + " if the pain is still there, we will help you see a spine specialist.";
    }

    // MSG-APPT
    static String appointmentReminder(AppointmentType type, Instant start, String siteName) {
        return "Carepath reminder: your " + describe(type) + " is on " + DATE_AND_TIME.format(start)
                + " (New York time) at " + siteName + ". To change it, book online or call the clinic.";
    }

    // MSG-ER
    static String emergencyInstruction() {
        return "Carepath: your symptoms need emergency care. Go to the nearest emergency room now or call 911."
                + " Do not wait for a clinic appointment.";
    }

    private static String describe(AppointmentType type) {
        return switch (type) {
            case SPECIALIST_VISIT -> "spine specialist visit";
            case FOLLOW_UP_VISIT -> "follow-up visit";
            case IMAGING_XRAY -> "X-ray";
            case IMAGING_MRI -> "MRI scan";
            case IMAGING_CT -> "CT scan";
            case PT_EVALUATION -> "physical therapy evaluation";
            case SURGICAL_CONSULT -> "surgical consultation";
            case CHEMODENERVATION_CONSULT -> "chemodenervation consultation";
        };
    }
}
