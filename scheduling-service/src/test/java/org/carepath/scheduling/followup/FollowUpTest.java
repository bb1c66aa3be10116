package org.carepath.scheduling.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.carepath.events.scheduling.FollowUpDue;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.scheduling.booking.Decisions;
import org.junit.jupiter.api.Test;

/** A follow-up's life: PENDING, then SENT once or CANCELLED; and which are due at a given time. */
class FollowUpTest {

    @Test
    void isSentOnce() {
        FollowUp sent = FollowUps.iceToHeat().markSent();

        assertThat(sent.status()).isEqualTo(FollowUpStatus.SENT);
        assertThatIllegalStateException().isThrownBy(sent::markSent).withMessageContaining("SENT");
    }

    @Test
    void cannotBeCancelledOnceSent() {
        FollowUp sent = FollowUps.iceToHeat().markSent();

        assertThatIllegalStateException().isThrownBy(sent::cancel);
    }

    @Test
    void aCancelledFollowUpIsNeverSent() {
        FollowUp cancelled = FollowUps.iceToHeat().cancel();

        assertThat(cancelled.status()).isEqualTo(FollowUpStatus.CANCELLED);
        assertThatIllegalStateException().isThrownBy(cancelled::markSent);
        assertThat(cancelled.isDueAt(cancelled.dueAt())).isFalse();
    }

    @Test
    void selectsThePendingOnesWhoseTimeHasCome() {
        FollowUp early = FollowUps.pending(FollowUpKind.ICE_TO_HEAT, "a", null);
        FollowUp later = withDue(FollowUps.pending(FollowUpKind.TWO_WEEK_CHECK, "b", null), 60);
        FollowUp future = withDue(FollowUps.pending(FollowUpKind.RECOVERY_CHECK, "c", null), 7200);
        FollowUp alreadySent =
                FollowUps.pending(FollowUpKind.APPOINTMENT_REMINDER, "d", "x").markSent();

        List<FollowUp> due =
                DueFollowUps.at(Decisions.DECIDED_AT.plusSeconds(60), List.of(future, later, alreadySent, early));

        assertThat(due).extracting(FollowUp::followUpId).containsExactly("a", "b");
    }

    @Test
    void publishesAsFollowUpDue() {
        FollowUp followUp = FollowUps.iceToHeat();

        FollowUpDue due = followUp.due();

        assertThat(due.followUpId()).isEqualTo("ep-1:ICE_TO_HEAT");
        assertThat(due.to()).isEqualTo(Decisions.PHONE);
        assertThat(due.message()).isEqualTo(followUp.message());
    }

    @Test
    void keepsTheAddressAndTextOutOfItsStringForm() {
        assertThat(FollowUps.iceToHeat().toString())
                .contains("ep-1:ICE_TO_HEAT")
                .doesNotContain(Decisions.PHONE);
    }

    private static FollowUp withDue(FollowUp followUp, long secondsLater) {
        return new FollowUp(
                followUp.followUpId(),
                followUp.episodeId(),
                followUp.kind(),
                followUp.rule(),
                followUp.dueAt().plusSeconds(secondsLater),
                followUp.channel(),
                followUp.to(),
                followUp.message(),
                followUp.appointmentId(),
                followUp.status());
    }
}
