package org.carepath.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import org.carepath.billing.estimate.EstimateCalculator;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.LineSource;
import org.junit.jupiter.api.Test;

/** billing-rules.md §5: what an episode's estimate covers, and when a new version is produced. */
class EpisodeAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:05:00Z");
    private final EstimateCalculator calculator = EstimateCalculator.bundled(2026);
    private final EpisodeAccount opened = EpisodeAccount.opened(Decisions.EPISODE);

    @Test
    void producesNothingBeforeAnyDecisionButKeepsTheBooking() {
        Reestimate result = opened.booked(Appointments.specialistVisit()).reestimated(calculator, NOW);

        assertThat(result.estimate()).isEmpty();
        assertThat(result.account().booked()).containsExactly(Appointments.specialistVisit());
        assertThat(result.account().decisionKnown()).isFalse();
    }

    @Test
    void theFirstDecisionWithACandidateProducesVersionOneWithItsLine() {
        EstimateProduced v1 = produced(opened.decided(Decisions.surgical(1)));

        assertThat(v1.episodeId()).isEqualTo(Decisions.EPISODE);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.estimateId()).isEqualTo(EpisodeAccount.estimateId(Decisions.EPISODE, 1));
        assertThat(v1.producedAt()).isEqualTo(NOW);
        assertThat(v1.lines()).singleElement().satisfies(line -> {
            assertThat(line.cpt()).isEqualTo("63030");
            assertThat(line.source()).isEqualTo(LineSource.CANDIDATE_PROCEDURE);
            assertThat(line.primaryPays()).isEqualByComparingTo("900.24");
            assertThat(line.supplementalPays()).isEqualByComparingTo("225.06");
            assertThat(line.patientPays()).isEqualByComparingTo("0.00");
        });
        assertThat(v1.rules()).containsExactly("B-MCR", "B-SUPP", "B-ORDER", "B-CAND");
        // B-CAND: nothing is booked, so the headline totals are zero and the candidate is summed apart
        assertThat(v1.totals().allowed()).isEqualByComparingTo("0.00");
        assertThat(v1.candidateTotals().allowed()).isEqualByComparingTo("1125.30");
        assertThat(v1.candidateTotals().primaryPays()).isEqualByComparingTo("900.24");
    }

    @Test
    void anAppointmentBookedBeforeTheDecisionIsPricedWhenTheDecisionArrives() {
        EpisodeAccount waiting = opened.booked(Appointments.specialistVisit());

        EstimateProduced v1 = produced(waiting.decided(Decisions.surgical(1)));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.lines())
                .extracting(EstimateLine::cpt, EstimateLine::source, EstimateLine::appointmentId)
                .containsExactly(
                        tuple("99204", LineSource.APPOINTMENT, "appt-visit"),
                        tuple("63030", LineSource.CANDIDATE_PROCEDURE, null));
    }

    @Test
    void aBookingAfterTheDecisionProducesTheNextVersionWithBothLines() {
        EpisodeAccount afterV1 = accountAfter(opened.decided(Decisions.surgical(1)));

        EstimateProduced v2 = produced(afterV1.booked(Appointments.specialistVisit()));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.estimateId()).isNotEqualTo(EpisodeAccount.estimateId(Decisions.EPISODE, 1));
        // B-ORDER: the booked visit first, the candidate procedure after it, whatever arrived first
        assertThat(v2.lines()).extracting(EstimateLine::cpt).containsExactly("99204", "63030");
        assertThat(v2.lines().get(0).serviceDate()).isEqualTo(Appointments.VISIT_START);
        // B-CAND: totals over the booked visit only, the discectomy in candidateTotals
        assertThat(v2.totals().allowed()).isEqualByComparingTo("177.36");
        assertThat(v2.candidateTotals().allowed()).isEqualByComparingTo("1125.30");
    }

    @Test
    void theSameAppointmentBookedTwiceIsOneLineAndProducesNothingTheSecondTime() {
        EpisodeAccount afterV2 = accountAfter(
                accountAfter(opened.decided(Decisions.surgical(1))).booked(Appointments.specialistVisit()));

        Reestimate again = afterV2.booked(Appointments.specialistVisit()).reestimated(calculator, NOW);

        assertThat(again.estimate()).isEmpty();
        assertThat(again.account().booked()).hasSize(1);
        assertThat(again.account().estimates()).hasSize(2);
    }

    @Test
    void aCancellationProducesAVersionWithoutThatLine() {
        EpisodeAccount afterV2 = accountAfter(
                accountAfter(opened.decided(Decisions.surgical(1))).booked(Appointments.specialistVisit()));

        EstimateProduced v3 = produced(afterV2.cancelled("appt-visit"));

        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.lines()).extracting(EstimateLine::cpt).containsExactly("63030");
    }

    @Test
    void aBookingArrivingAfterItsCancellationStaysOut() {
        EpisodeAccount cancelledFirst = accountAfter(opened.decided(Decisions.surgical(1)))
                .cancelled("appt-visit")
                .booked(Appointments.specialistVisit());

        Reestimate result = cancelledFirst.reestimated(calculator, NOW);

        assertThat(result.estimate()).isEmpty();
        assertThat(result.account().booked()).isEmpty();
    }

    @Test
    void anOlderDecisionArrivingLateChangesNothing() {
        EpisodeAccount afterV2 = accountAfter(accountAfter(opened.decided(Decisions.surgical(1)))
                .decided(Decisions.decision(2, Decisions.medicareWithMedigap(), Decisions.CHEMODENERVATION)));

        EpisodeAccount late = afterV2.decided(Decisions.surgical(1));

        assertThat(late).isSameAs(afterV2);
        assertThat(late.decisionVersion()).isEqualTo(2);
        assertThat(late.candidates()).containsExactly(Decisions.CHEMODENERVATION);
    }

    @Test
    void aNewDecisionWithTheSameCandidatesProducesNothing() {
        EpisodeAccount afterV1 = accountAfter(opened.decided(Decisions.surgical(1)));

        Reestimate result = afterV1.decided(Decisions.surgical(2)).reestimated(calculator, NOW);

        assertThat(result.estimate()).isEmpty();
        assertThat(result.account().decisionVersion()).isEqualTo(2);
        assertThat(result.account().estimates()).hasSize(1);
    }

    @Test
    void aNewDecisionReplacesTheCandidateProcedures() {
        EpisodeAccount afterV1 = accountAfter(opened.decided(Decisions.surgical(1)));

        EstimateProduced v2 = produced(
                afterV1.decided(Decisions.decision(2, Decisions.medicareWithMedigap(), Decisions.CHEMODENERVATION)));

        assertThat(v2.lines()).extracting(EstimateLine::cpt).containsExactly("64646");
    }

    @Test
    void aDecisionWithNothingToPriceProducesAnEstimateOfNothingOnce() {
        Reestimate result = opened.decided(Decisions.conservative(1)).reestimated(calculator, NOW);

        EstimateProduced v1 = result.estimate().orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.lines()).isEmpty();
        assertThat(v1.totals().patientPays()).isEqualByComparingTo("0.00");
        assertThat(result.account()
                        .decided(Decisions.conservative(2))
                        .reestimated(calculator, NOW)
                        .estimate())
                .isEmpty();
    }

    @Test
    void cancellingTheLastLineProducesAnEmptyVersion() {
        EpisodeAccount afterV1 =
                accountAfter(opened.decided(Decisions.conservative(1)).booked(Appointments.mri()));

        EstimateProduced v2 = produced(afterV1.cancelled("appt-mri"));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.lines()).isEmpty();
        assertThat(v2.totals().patientPays()).isEqualByComparingTo("0.00");
    }

    @Test
    void bOrderRepricesEveryVersionFromTheStartingDeductibleBookedLinesFirst() {
        EpisodeAccount afterV1 = accountAfter(opened.decided(Decisions.decision(
                1, Decisions.medicareWithDeductibleRemaining("283.00"), Decisions.CHEMODENERVATION)));

        EstimateProduced v2 = produced(afterV1.booked(Appointments.specialistVisit()));

        // v1 gave the candidate 193.45 of the deductible; v2 starts again from 283.00 with the booked visit first
        assertThat(afterV1.currentEstimate().orElseThrow().lines())
                .extracting(EstimateLine::deductibleApplied)
                .satisfiesExactly(first -> assertThat(first).isEqualByComparingTo("193.45"));
        assertThat(v2.lines())
                .extracting(EstimateLine::cpt, EstimateLine::deductibleApplied)
                .containsExactly(tuple("99204", new BigDecimal("177.36")), tuple("64646", new BigDecimal("105.64")));
    }

    @Test
    void theEstimateIdOfAVersionIsTheSameHoweverOftenItIsComputed() {
        assertThat(EpisodeAccount.estimateId("e", 1)).isEqualTo(EpisodeAccount.estimateId("e", 1));
        assertThat(EpisodeAccount.estimateId("e", 1))
                .isNotEqualTo(EpisodeAccount.estimateId("e", 2))
                .isNotEqualTo(EpisodeAccount.estimateId("f", 1));
    }

    @Test
    void theCurrentEstimateIsTheLatestVersion() {
        EpisodeAccount afterV2 = accountAfter(
                accountAfter(opened.decided(Decisions.surgical(1))).booked(Appointments.specialistVisit()));

        assertThat(afterV2.currentEstimate())
                .get()
                .extracting(EstimateProduced::version)
                .isEqualTo(2);
        assertThat(afterV2.estimates()).extracting(EstimateProduced::version).containsExactly(1, 2);
        assertThat(opened.currentEstimate()).isEmpty();
    }

    private EstimateProduced produced(EpisodeAccount changed) {
        return changed.reestimated(calculator, NOW).estimate().orElseThrow();
    }

    private EpisodeAccount accountAfter(EpisodeAccount changed) {
        Reestimate result = changed.reestimated(calculator, NOW);
        assertThat(result.estimate()).isPresent();
        return result.account();
    }
}
