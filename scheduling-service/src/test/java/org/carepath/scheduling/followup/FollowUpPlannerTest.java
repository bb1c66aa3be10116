package org.carepath.scheduling.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.carepath.scheduling.directory.Directories.newYork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.Directories;
import org.junit.jupiter.api.Test;

class FollowUpPlannerTest {

    private static final Instant NOW = Decisions.DECIDED_AT;

    private final FollowUpPlanner planner = new FollowUpPlanner(Directories.bundled());

    @Test
    void plansTheEpisodeMessagesAtTenInTheMorningOfTheirDayInNewYork() {
        TriageDecided decision = onset(Decisions.conservativeCare(), "2026-11-23");

        FollowUpPlan plan = planner.plan(decision, List.of(), List.of(), NOW);

        assertThat(plan.scheduled())
                .extracting(FollowUp::followUpId, FollowUp::kind, FollowUp::dueAt)
                .containsExactly(
                        tuple("ep-1:ICE_TO_HEAT", FollowUpKind.ICE_TO_HEAT, newYork("2026-11-25", "10:00")),
                        tuple("ep-1:TWO_WEEK_CHECK", FollowUpKind.TWO_WEEK_CHECK, newYork("2026-12-07", "10:00")),
                        tuple("ep-1:RECOVERY_CHECK", FollowUpKind.RECOVERY_CHECK, newYork("2026-12-14", "10:00")));
        assertThat(plan.rules()).containsExactly("MSG-48H", "MSG-14D", "MSG-21D");
        assertThat(plan.scheduled()).allSatisfy(followUp -> {
            assertThat(followUp.status()).isEqualTo(FollowUpStatus.PENDING);
            assertThat(followUp.channel()).isEqualTo(ContactChannel.SMS);
            assertThat(followUp.to()).isEqualTo(Decisions.PHONE);
        });
    }

    @Test
    void countsDaysInNewYorkAcrossTheDstChange() {
        TriageDecided decision = onset(Decisions.conservativeCare(), "2026-10-25");

        FollowUpPlan plan = planner.plan(decision, List.of(), List.of(), newYork("2026-10-26", "09:00"));

        // MSG-TIME: 10:00 EDT before the change, 10:00 EST after it
        assertThat(dueOf(plan, FollowUpKind.ICE_TO_HEAT)).isEqualTo(Instant.parse("2026-10-27T14:00:00Z"));
        assertThat(dueOf(plan, FollowUpKind.TWO_WEEK_CHECK)).isEqualTo(Instant.parse("2026-11-08T15:00:00Z"));
    }

    @Test
    void aLaterDecisionVersionDoesNotPlanThemTwice() {
        TriageDecided first = onset(Decisions.conservativeCare(), "2026-11-23");
        FollowUpPlan firstPlan = planner.plan(first, List.of(), List.of(), NOW);

        FollowUpPlan secondPlan = planner.plan(
                Decisions.withVersion(onset(Decisions.specialistReferral(), "2026-11-23"), 2),
                firstPlan.scheduled(),
                List.of(),
                NOW.plusSeconds(3600));

        assertThat(firstPlan.scheduled()).hasSize(3);
        assertThat(secondPlan.scheduled()).isEmpty();
        assertThat(secondPlan.cancelled()).isEmpty();
    }

    @Test
    void anEmergencyInstructsAtOnceAndCancelsThePendingMessagesButNotTheReminders() {
        FollowUp sentEarlier = FollowUps.pending(FollowUpKind.ICE_TO_HEAT, "ep-1:ICE_TO_HEAT", null)
                .markSent();
        FollowUp twoWeekCheck = FollowUps.pending(FollowUpKind.TWO_WEEK_CHECK, "ep-1:TWO_WEEK_CHECK", null);
        FollowUp reminder = FollowUps.pending(FollowUpKind.APPOINTMENT_REMINDER, "ep-1:APPOINTMENT_REMINDER:x", "x");

        FollowUpPlan plan = planner.plan(
                Decisions.withVersion(Decisions.emergency(), 3),
                List.of(sentEarlier, twoWeekCheck, reminder),
                List.of(),
                NOW);

        assertThat(plan.scheduled()).singleElement().satisfies(instruction -> {
            assertThat(instruction.followUpId()).isEqualTo("ep-1:EMERGENCY_INSTRUCTION:v3");
            assertThat(instruction.kind()).isEqualTo(FollowUpKind.EMERGENCY_INSTRUCTION);
            assertThat(instruction.dueAt()).isEqualTo(NOW);
            assertThat(instruction.message()).contains("emergency room now", "911");
        });
        assertThat(plan.cancelled())
                .extracting(FollowUp::followUpId, FollowUp::status)
                .containsExactly(tuple("ep-1:TWO_WEEK_CHECK", FollowUpStatus.CANCELLED));
        assertThat(plan.rules()).containsExactly("MSG-ER", "BK-ER");
    }

    @Test
    void theSameEmergencyDecisionInstructsOnce() {
        FollowUpPlan first = planner.plan(Decisions.emergency(), List.of(), List.of(), NOW);

        FollowUpPlan again = planner.plan(Decisions.emergency(), first.scheduled(), List.of(), NOW.plusSeconds(5));

        assertThat(again.scheduled()).isEmpty();
        assertThat(again.cancelled()).isEmpty();
    }

    @Test
    void recoveryCancelsWhatIsPendingAndPlansNothing() {
        FollowUpPlan plan = planner.plan(
                Decisions.withVersion(Decisions.recovered(), 2), List.of(FollowUps.iceToHeat()), List.of(), NOW);

        assertThat(plan.scheduled()).isEmpty();
        assertThat(plan.cancelled()).singleElement().satisfies(followUp -> assertThat(followUp.status())
                .isEqualTo(FollowUpStatus.CANCELLED));
        assertThat(plan.rules()).containsExactly("BK-RC");
    }

    @Test
    void remindsADayBeforeWithDateTimeAndSiteInNewYorkTime() {
        Appointment mri = FollowUps.mriOnWednesdayMorning();

        FollowUp reminder = planner.reminderFor(mri, Decisions.sms(), newYork("2026-11-23", "12:00"))
                .orElseThrow();

        assertThat(reminder.followUpId())
                .isEqualTo("ep-1:APPOINTMENT_REMINDER:ep-1:IMAGING_MRI:v1@" + newYork("2026-11-25", "09:30"));
        assertThat(reminder.dueAt()).isEqualTo(newYork("2026-11-24", "09:30"));
        assertThat(reminder.appointmentId()).isEqualTo(mri.appointmentId());
        assertThat(reminder.message())
                .contains("MRI scan", "Wednesday, November 25, 2026 at 9:30 AM", "Affiliated hospital 3");
    }

    @Test
    void remindsAtOnceWhenBookedLessThanADayAhead() {
        Appointment mri = FollowUps.mriOnWednesdayMorning();
        Instant eveningBefore = newYork("2026-11-24", "18:00");

        assertThat(planner.reminderFor(mri, Decisions.sms(), eveningBefore))
                .hasValueSatisfying(reminder -> assertThat(reminder.dueAt()).isEqualTo(eveningBefore));
    }

    @Test
    void writesToTheEmailAddressWhenThePatientChoseEmail() {
        FollowUp reminder = planner.reminderFor(FollowUps.mriOnWednesdayMorning(), Decisions.email(), NOW)
                .orElseThrow();

        assertThat(reminder.channel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(reminder.to()).isEqualTo(Decisions.EMAIL);
    }

    @Test
    void refusesAContactWithoutAnAddressForItsChannel() {
        Contact emailWithoutAddress = new Contact(ContactChannel.EMAIL, Decisions.PHONE, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> planner.reminderFor(FollowUps.mriOnWednesdayMorning(), emailWithoutAddress, NOW))
                .withMessageContaining("ep-1")
                .withMessageNotContaining(Decisions.PHONE);
    }

    @Test
    void aCancelledAppointmentTakesItsPendingReminderWithIt() {
        FollowUp reminder = planner.reminderFor(FollowUps.mriOnWednesdayMorning(), Decisions.sms(), NOW)
                .orElseThrow();
        FollowUp otherReminder =
                FollowUps.pending(FollowUpKind.APPOINTMENT_REMINDER, "ep-1:APPOINTMENT_REMINDER:y", "y");

        List<FollowUp> cancelled = FollowUpPlanner.cancelledWithAppointment(
                "ep-1:IMAGING_MRI:v1", List.of(reminder, otherReminder, FollowUps.iceToHeat()));

        assertThat(cancelled).singleElement().satisfies(followUp -> {
            assertThat(followUp.followUpId()).isEqualTo(reminder.followUpId());
            assertThat(followUp.status()).isEqualTo(FollowUpStatus.CANCELLED);
        });
    }

    private static Instant dueOf(FollowUpPlan plan, FollowUpKind kind) {
        return plan.scheduled().stream()
                .filter(followUp -> followUp.kind() == kind)
                .map(FollowUp::dueAt)
                .findFirst()
                .orElseThrow();
    }

    private static TriageDecided onset(TriageDecided decision, String onsetDate) {
        return Decisions.withEpisode(
                decision, Decisions.episode(Region.QUEENS, LocalDate.parse(onsetDate), Decisions.sms()));
    }
}
