package org.carepath.scheduling.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.scheduling.directory.Directories.newYork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.Directories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scheduling-rules §6, the rules added 2026-12: one row where each fires and at least one where it must not. */
class AmendedFollowUpRulesTest {

    private static final QuietHours MORNING_QUIET = new QuietHours(LocalTime.of(8, 0), LocalTime.of(11, 0));

    static Stream<Arguments> planning() {
        return Stream.of(
                planned(
                        "MSG-TIME fires: ice-to-heat at 10:00 on onset + 2 days, not at midnight",
                        onset("2026-11-22"),
                        QuietHours.DEFAULT,
                        newYork("2026-11-24", "09:00"),
                        FollowUpKind.ICE_TO_HEAT,
                        newYork("2026-11-24", "10:00")),
                planned(
                        "MSG-TIME: skipped once 10:00 of its day has passed",
                        onset("2026-11-22"),
                        QuietHours.DEFAULT,
                        newYork("2026-11-24", "10:30"),
                        FollowUpKind.ICE_TO_HEAT,
                        null),
                planned(
                        "MSG-TIME: the 21-day check at 10:00 too",
                        onset("2026-11-22"),
                        QuietHours.DEFAULT,
                        newYork("2026-11-24", "09:00"),
                        FollowUpKind.RECOVERY_CHECK,
                        newYork("2026-12-13", "10:00")),
                planned(
                        "MSG-QUIET fires: configured quiet until 11:00 moves the 10:00 message to 11:00",
                        onset("2026-11-22"),
                        MORNING_QUIET,
                        newYork("2026-11-24", "07:00"),
                        FollowUpKind.TWO_WEEK_CHECK,
                        newYork("2026-12-06", "11:00")),
                planned(
                        "MSG-QUIET does not fire: 10:00 is outside the default quiet hours",
                        onset("2026-11-22"),
                        QuietHours.DEFAULT,
                        newYork("2026-11-24", "07:00"),
                        FollowUpKind.TWO_WEEK_CHECK,
                        newYork("2026-12-06", "10:00")),
                planned(
                        "MSG-QUIET fires: a reminder due 08:45 the day before goes at 09:00",
                        mriDecision(),
                        QuietHours.DEFAULT,
                        newYork("2026-11-24", "10:00"),
                        FollowUpKind.APPOINTMENT_REMINDER,
                        newYork("2026-11-25", "09:00")),
                planned(
                        "MSG-QUIET does not fire: a reminder due 14:00 the day before stays at 14:00",
                        mriDecision(),
                        QuietHours.DEFAULT,
                        newYork("2026-11-24", "10:00"),
                        FollowUpKind.APPOINTMENT_REMINDER,
                        newYork("2026-11-25", "14:00")),
                planned(
                        "MSG-ER is not held by quiet hours: it is due at once at 23:00",
                        Decisions.emergency(),
                        QuietHours.DEFAULT,
                        newYork("2026-11-24", "23:00"),
                        FollowUpKind.EMERGENCY_INSTRUCTION,
                        newYork("2026-11-24", "23:00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planning")
    void plansTheMessageAtItsTime(
            String example,
            TriageDecided decision,
            QuietHours quiet,
            Instant now,
            FollowUpKind kind,
            Instant expectedDue) {
        FollowUpPlanner planner = new FollowUpPlanner(Directories.bundled(), quiet);
        List<Appointment> booked = example.contains("08:45")
                ? List.of(FollowUps.mriAt("2026-11-26", "08:45"))
                : example.contains("14:00") ? List.of(FollowUps.mriAt("2026-11-26", "14:00")) : List.of();

        FollowUpPlan plan = planner.plan(decision, List.of(), booked, now);

        List<Instant> due = plan.scheduled().stream()
                .filter(followUp -> followUp.kind() == kind)
                .map(FollowUp::dueAt)
                .toList();
        assertThat(due).isEqualTo(expectedDue == null ? List.of() : List.of(expectedDue));
    }

    static Stream<Arguments> dispatching() {
        Appointment mri = FollowUps.mriAt("2026-11-26", "14:00");
        FollowUp reminder = reminderOf(mri, newYork("2026-11-25", "14:00"));
        FollowUp twoWeekCheck = FollowUps.pending(FollowUpKind.TWO_WEEK_CHECK, "ep-1:TWO_WEEK_CHECK", null);
        FollowUp instruction =
                FollowUps.pending(FollowUpKind.EMERGENCY_INSTRUCTION, "ep-1:EMERGENCY_INSTRUCTION:v2", null);
        return Stream.of(
                dispatched(
                        "MSG-STALE fires: the reminder of a cancelled appointment is cancelled, never sent",
                        reminder,
                        List.of(mri.cancel()),
                        newYork("2026-11-25", "14:00"),
                        "CANCELLED"),
                dispatched(
                        "MSG-STALE fires: the reminder of an appointment under way is cancelled",
                        reminderOf(mri, newYork("2026-11-26", "14:00")),
                        List.of(mri),
                        newYork("2026-11-26", "14:05"),
                        "CANCELLED"),
                dispatched(
                        "MSG-STALE fires: the reminder of an appointment moved elsewhere is cancelled",
                        reminder,
                        List.of(FollowUps.mriAt("2026-11-26", "15:30")),
                        newYork("2026-11-25", "14:00"),
                        "CANCELLED"),
                dispatched(
                        "MSG-STALE does not fire: the reminder of a booked appointment ahead is sent",
                        reminder,
                        List.of(mri),
                        newYork("2026-11-25", "14:00"),
                        "SENT"),
                dispatched(
                        "MSG-QUIET fires: a message found due at 22:00 waits until 09:00",
                        twoWeekCheck,
                        List.of(),
                        newYork("2026-11-24", "22:00"),
                        "DEFERRED"),
                dispatched(
                        "MSG-QUIET does not fire at 09:00",
                        twoWeekCheck,
                        List.of(),
                        newYork("2026-11-25", "09:00"),
                        "SENT"),
                dispatched(
                        "MSG-QUIET never holds MSG-ER",
                        instruction,
                        List.of(),
                        newYork("2026-11-24", "23:00"),
                        "SENT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dispatching")
    void decidesWhatBecomesOfAFollowUpWhenItIsDue(
            String example, FollowUp followUp, List<Appointment> appointments, Instant now, String outcome) {
        DueFollowUps.Outcome due = DueFollowUps.of(now, List.of(followUp), appointments, QuietHours.DEFAULT);

        assertThat(due.sent()).hasSize(outcome.equals("SENT") ? 1 : 0);
        assertThat(due.cancelled()).hasSize(outcome.equals("CANCELLED") ? 1 : 0);
        assertThat(due.deferred()).hasSize(outcome.equals("DEFERRED") ? 1 : 0);
        assertThat(due.deferred()).allSatisfy(deferred -> {
            assertThat(deferred.dueAt()).isEqualTo(newYork("2026-11-25", "09:00"));
            assertThat(deferred.isPending()).isTrue();
        });
    }

    private static FollowUp reminderOf(Appointment appointment, Instant due) {
        return new FollowUp(
                FollowUpPlanner.reminderId(appointment),
                appointment.episodeId(),
                FollowUpKind.APPOINTMENT_REMINDER,
                "MSG-APPT",
                due,
                Decisions.sms().channel(),
                Decisions.PHONE,
                "text",
                appointment.appointmentId(),
                FollowUpStatus.PENDING);
    }

    private static TriageDecided onset(String date) {
        return Decisions.withEpisode(
                Decisions.conservativeCare(), Decisions.episode(Region.QUEENS, LocalDate.parse(date), Decisions.sms()));
    }

    private static TriageDecided mriDecision() {
        return Decisions.withEpisode(
                Decisions.specialistReferralWithMri(),
                Decisions.episode(Region.QUEENS, LocalDate.parse("2026-11-01"), Decisions.sms()));
    }

    private static Arguments planned(
            String example, TriageDecided decision, QuietHours quiet, Instant now, FollowUpKind kind, Instant due) {
        return Arguments.of(example, decision, quiet, now, kind, due);
    }

    private static Arguments dispatched(
            String example, FollowUp followUp, List<Appointment> appointments, Instant now, String outcome) {
        return Arguments.of(example, followUp, appointments, now, outcome);
    }
}
