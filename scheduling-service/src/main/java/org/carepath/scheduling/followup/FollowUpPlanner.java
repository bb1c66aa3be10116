package org.carepath.scheduling.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.carepath.events.intake.Contact;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.directory.ClinicTime;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Site;

/**
 * Plans an episode's follow-up messages (scheduling-rules §6) with deterministic ids, so that planning the same
 * decision twice yields nothing new: {@code <episodeId>:ICE_TO_HEAT}, {@code <episodeId>:TWO_WEEK_CHECK},
 * {@code <episodeId>:RECOVERY_CHECK}, {@code <episodeId>:EMERGENCY_INSTRUCTION:v<version>} and
 * {@code <episodeId>:APPOINTMENT_REMINDER:<appointmentId>@<start>}.
 */
public final class FollowUpPlanner {

    static final String ICE_TO_HEAT = "MSG-48H";
    static final String TWO_WEEK_CHECK = "MSG-14D";
    static final String RECOVERY_CHECK = "MSG-21D";
    static final String APPOINTMENT_REMINDER = "MSG-APPT";
    static final String EMERGENCY_INSTRUCTION = "MSG-ER";
    static final String EMERGENCY = "BK-ER";
    static final String RECOVERED = "BK-RC";

    static final Duration REMINDER_LEAD = Duration.ofHours(24);
    /** MSG-TIME: the episode's messages fall due at this time of their due day in New York. */
    static final LocalTime EPISODE_MESSAGE_TIME = LocalTime.of(10, 0);

    private final Directory directory;
    private final QuietHours quiet;

    public FollowUpPlanner(Directory directory, QuietHours quiet) {
        this.directory = directory;
        this.quiet = quiet;
    }

    public FollowUpPlanner(Directory directory) {
        this(directory, QuietHours.DEFAULT);
    }

    public QuietHours quietHours() {
        return quiet;
    }

    /**
     * The follow-ups a decision brings, given the episode's {@code existing} follow-ups and the appointments just
     * booked for it: EMERGENCY sends the instruction now and cancels the pending MSG-48H/14D/21D messages while
     * booked appointments keep their reminders (BK-ER), RECOVERED cancels everything pending (its future
     * appointments are cancelled too: BK-RC), any other disposition plans the 48-hour, 14-day and 21-day messages
     * once per episode (skipping those already past) and a reminder per new appointment.
     */
    public FollowUpPlan plan(
            TriageDecided decision, List<FollowUp> existing, List<Appointment> newAppointments, Instant now) {
        String episodeId = decision.episodeId();
        Set<String> known = existing.stream().map(FollowUp::followUpId).collect(Collectors.toSet());
        if (decision.disposition() == Disposition.RECOVERED) {
            return new FollowUpPlan(episodeId, List.of(), cancelPending(existing), List.of(RECOVERED));
        }
        if (decision.disposition() == Disposition.EMERGENCY) {
            FollowUp instruction = emergencyInstruction(decision, now);
            List<FollowUp> scheduled = known.contains(instruction.followUpId()) ? List.of() : List.of(instruction);
            // a redelivered decision finds its own instruction pending: it is what must go out, not be cancelled
            List<FollowUp> othersPending = existing.stream()
                    .filter(followUp -> !followUp.followUpId().equals(instruction.followUpId()))
                    .filter(followUp -> !followUp.isReminder())
                    .toList();
            return new FollowUpPlan(
                    episodeId, scheduled, cancelPending(othersPending), List.of(EMERGENCY_INSTRUCTION, EMERGENCY));
        }
        List<FollowUp> scheduled = new ArrayList<>();
        Set<String> rules = new LinkedHashSet<>();
        for (FollowUp followUp : episodeMessages(decision)) {
            boolean alreadyPlanned = known.contains(followUp.followUpId());
            // MSG-TIME: "skipped if past" compares the 10:00 due time, before any MSG-QUIET deferral
            boolean alreadyPast = followUp.dueAt().isBefore(now);
            if (!alreadyPlanned && !alreadyPast) {
                scheduled.add(followUp.deferTo(quiet.deferred(followUp.dueAt())));
                rules.add(followUp.rule());
            }
        }
        Contact contact = requireContact(decision);
        for (Appointment appointment : newAppointments) {
            Optional<FollowUp> reminder =
                    reminderFor(appointment, contact, now).filter(candidate -> !known.contains(candidate.followUpId()));
            reminder.ifPresent(scheduled::add);
            reminder.ifPresent(candidate -> rules.add(APPOINTMENT_REMINDER));
        }
        return new FollowUpPlan(episodeId, scheduled, List.of(), List.copyOf(rules));
    }

    /**
     * MSG-APPT: a reminder 24 h before a booked appointment, or at once when it was booked less than 24 h ahead
     * (chosen); none once the appointment has started or when it is cancelled. MSG-QUIET moves one due in quiet
     * hours to their end; none when that is no longer before the appointment.
     */
    public Optional<FollowUp> reminderFor(Appointment appointment, Contact contact, Instant now) {
        if (!appointment.isBooked() || !appointment.start().isAfter(now)) {
            return Optional.empty();
        }
        Instant dayBefore = appointment.start().minus(REMINDER_LEAD);
        Instant due = quiet.deferred(dayBefore.isAfter(now) ? dayBefore : now);
        if (!due.isBefore(appointment.start())) {
            return Optional.empty();
        }
        String siteName = directory.site(appointment.siteId()).map(Site::name).orElse(appointment.siteId());
        return Optional.of(followUp(
                reminderId(appointment),
                appointment.episodeId(),
                FollowUpKind.APPOINTMENT_REMINDER,
                APPOINTMENT_REMINDER,
                due,
                Recipient.of(contact, appointment.episodeId()),
                FollowUpMessages.appointmentReminder(appointment.type(), appointment.start(), siteName),
                appointment.appointmentId()));
    }

    /** The id of an appointment's reminder: a moved appointment gets a new one. */
    public static String reminderId(Appointment appointment) {
        return appointment.episodeId() + ":" + FollowUpKind.APPOINTMENT_REMINDER + ":" + appointment.appointmentId()
                + "@" + appointment.start();
    }

    /** A reminder goes with its appointment: the pending reminders of a cancelled (or moved) appointment. */
    public static List<FollowUp> cancelledWithAppointment(String appointmentId, List<FollowUp> existing) {
        return existing.stream()
                .filter(FollowUp::isPending)
                .filter(followUp -> appointmentId.equals(followUp.appointmentId()))
                .map(FollowUp::cancel)
                .toList();
    }

    private static List<FollowUp> cancelPending(List<FollowUp> existing) {
        return existing.stream()
                .filter(FollowUp::isPending)
                .map(FollowUp::cancel)
                .toList();
    }

    // MSG-48H, MSG-14D, MSG-21D on the onset date + 2, 14 and 21 calendar days in America/New_York, at 10:00
    // there (MSG-TIME), even across a DST change
    private List<FollowUp> episodeMessages(TriageDecided decision) {
        if (decision.episode() == null || decision.episode().onsetDate() == null) {
            throw new IllegalArgumentException("episode " + decision.episodeId() + " has no onset date");
        }
        LocalDate onset = decision.episode().onsetDate();
        Recipient recipient = Recipient.of(requireContact(decision), decision.episodeId());
        return List.of(
                episodeMessage(
                        decision,
                        FollowUpKind.ICE_TO_HEAT,
                        ICE_TO_HEAT,
                        ClinicTime.at(onset.plusDays(2), EPISODE_MESSAGE_TIME),
                        recipient,
                        FollowUpMessages::iceToHeat),
                episodeMessage(
                        decision,
                        FollowUpKind.TWO_WEEK_CHECK,
                        TWO_WEEK_CHECK,
                        ClinicTime.at(onset.plusDays(14), EPISODE_MESSAGE_TIME),
                        recipient,
                        FollowUpMessages::twoWeekCheck),
                episodeMessage(
                        decision,
                        FollowUpKind.RECOVERY_CHECK,
                        RECOVERY_CHECK,
                        ClinicTime.at(onset.plusDays(21), EPISODE_MESSAGE_TIME),
                        recipient,
                        FollowUpMessages::recoveryCheck));
    }

    private static FollowUp episodeMessage(
            TriageDecided decision,
            FollowUpKind kind,
            String rule,
            Instant dueAt,
            Recipient recipient,
            Supplier<String> text) {
        return followUp(
                decision.episodeId() + ":" + kind,
                decision.episodeId(),
                kind,
                rule,
                dueAt,
                recipient,
                text.get(),
                null);
    }

    // MSG-ER: one instruction per EMERGENCY decision version, due at once
    private static FollowUp emergencyInstruction(TriageDecided decision, Instant now) {
        return followUp(
                decision.episodeId() + ":" + FollowUpKind.EMERGENCY_INSTRUCTION + ":v" + decision.version(),
                decision.episodeId(),
                FollowUpKind.EMERGENCY_INSTRUCTION,
                EMERGENCY_INSTRUCTION,
                now,
                Recipient.of(requireContact(decision), decision.episodeId()),
                FollowUpMessages.emergencyInstruction(),
                null);
    }

    private static Contact requireContact(TriageDecided decision) {
        if (decision.episode() == null) {
            throw new IllegalArgumentException("episode " + decision.episodeId() + " has no episode context");
        }
        return decision.episode().contact();
    }

    private static FollowUp followUp(
            String id,
            String episodeId,
            FollowUpKind kind,
            String rule,
            Instant dueAt,
            Recipient recipient,
            String message,
            String appointmentId) {
        return new FollowUp(
                id,
                episodeId,
                kind,
                rule,
                dueAt,
                recipient.channel(),
                recipient.to(),
                message,
                appointmentId,
                FollowUpStatus.PENDING);
    }
}
