package org.carepath.scheduling.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.Directories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scheduling-rules §6: one row where each MSG-* rule fires and at least one where it must not. */
class FollowUpRulesTest {

    private static final Instant NOW = Decisions.DECIDED_AT; // Tuesday 2026-11-24, 10:00 in New York

    private final FollowUpPlanner planner = new FollowUpPlanner(Directories.bundled());

    static Stream<Arguments> rules() {
        return Stream.of(
                row(
                        "MSG-48H fires: onset yesterday, ice-to-heat still ahead",
                        "MSG-48H",
                        onset(Decisions.conservativeCare(), "2026-11-23"),
                        List.of(),
                        List.of(),
                        true),
                row(
                        "MSG-48H skipped: onset four days ago, already past",
                        "MSG-48H",
                        Decisions.conservativeCare(),
                        List.of(),
                        List.of(),
                        false),
                row(
                        "MSG-48H not twice: the episode already has it",
                        "MSG-48H",
                        onset(Decisions.conservativeCare(), "2026-11-23"),
                        List.of(FollowUps.iceToHeat().cancel()),
                        List.of(),
                        false),
                row(
                        "MSG-48H not for an emergency",
                        "MSG-48H",
                        onset(Decisions.emergency(), "2026-11-23"),
                        List.of(),
                        List.of(),
                        false),
                row(
                        "MSG-14D fires: for a referral too",
                        "MSG-14D",
                        Decisions.specialistReferral(),
                        List.of(),
                        List.of(),
                        true),
                row(
                        "MSG-14D skipped: onset more than two weeks ago",
                        "MSG-14D",
                        onset(Decisions.conservativeCare(), "2026-11-01"),
                        List.of(),
                        List.of(),
                        false),
                row(
                        "MSG-14D not for a recovered episode",
                        "MSG-14D",
                        Decisions.recovered(),
                        List.of(),
                        List.of(),
                        false),
                row(
                        "MSG-21D fires: recovery check three weeks after onset",
                        "MSG-21D",
                        Decisions.surgicalConsult(),
                        List.of(),
                        List.of(),
                        true),
                row(
                        "MSG-21D skipped: onset more than three weeks ago",
                        "MSG-21D",
                        onset(Decisions.conservativeCare(), "2026-10-20"),
                        List.of(),
                        List.of(),
                        false),
                row(
                        "MSG-APPT fires: a reminder for the new appointment",
                        "MSG-APPT",
                        Decisions.specialistReferralWithMri(),
                        List.of(),
                        List.of(FollowUps.mriOnWednesdayMorning()),
                        true),
                row(
                        "MSG-APPT not without an appointment",
                        "MSG-APPT",
                        Decisions.specialistReferral(),
                        List.of(),
                        List.of(),
                        false),
                row(
                        "MSG-APPT not for a cancelled appointment",
                        "MSG-APPT",
                        Decisions.specialistReferralWithMri(),
                        List.of(),
                        List.of(FollowUps.mriOnWednesdayMorning().cancel()),
                        false),
                row(
                        "MSG-APPT not for an appointment already under way",
                        "MSG-APPT",
                        Decisions.specialistReferralWithMri(),
                        List.of(),
                        List.of(FollowUps.mriAt("2026-11-24", "09:30")),
                        false),
                row("MSG-ER fires: an emergency", "MSG-ER", Decisions.emergency(), List.of(), List.of(), true),
                row(
                        "MSG-ER not for conservative care",
                        "MSG-ER",
                        Decisions.conservativeCare(),
                        List.of(),
                        List.of(),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void plansAFollowUpExactlyWhenItsRuleFires(
            String example,
            String rule,
            TriageDecided decision,
            List<FollowUp> existing,
            List<Appointment> appointments,
            boolean fires) {
        FollowUpPlan plan = planner.plan(decision, existing, appointments, NOW);

        assertThat(plan.rules().contains(rule)).as("rules %s", plan.rules()).isEqualTo(fires);
        assertThat(plan.scheduled())
                .filteredOn(followUp -> followUp.rule().equals(rule))
                .hasSize(fires ? 1 : 0);
    }

    private static Arguments row(
            String example,
            String rule,
            TriageDecided decision,
            List<FollowUp> existing,
            List<Appointment> appointments,
            boolean fires) {
        return Arguments.of(example, rule, decision, existing, appointments, fires);
    }

    private static TriageDecided onset(TriageDecided decision, String onsetDate) {
        return Decisions.withEpisode(
                decision, Decisions.episode(Region.QUEENS, LocalDate.parse(onsetDate), Decisions.sms()));
    }
}
