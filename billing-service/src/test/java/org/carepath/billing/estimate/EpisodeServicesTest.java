package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carepath.events.billing.LineSource;
import org.carepath.events.triage.CandidateProcedure;
import org.junit.jupiter.api.Test;

/** billing-rules.md §5: what an episode's estimate covers, in a stable order across its versions. */
class EpisodeServicesTest {

    private static final BookedAppointment SPECIALIST_VISIT = new BookedAppointment("appt-visit", "99204");
    private static final BookedAppointment MRI = new BookedAppointment("appt-mri", "72148");
    private static final CandidateProcedure DISCECTOMY = new CandidateProcedure("63030", "SU-DISC", "discectomy", null);
    private static final CandidateProcedure CHEMODENERVATION =
            new CandidateProcedure("64646", "SU-CHEMO", "chemodenervation", null);

    private final EstimateCalculator calculator = Calculators.shipped2026();

    @Test
    void firstEstimateListsTheBookedAppointmentsThenTheCandidateProcedures() {
        List<ServiceRequest> services =
                EpisodeServices.inEstimateOrder(List.of(), List.of(SPECIALIST_VISIT, MRI), List.of(DISCECTOMY));

        assertThat(services)
                .containsExactly(
                        ServiceRequest.appointment("appt-visit", "99204"),
                        ServiceRequest.appointment("appt-mri", "72148"),
                        new ServiceRequest("63030", 1, LineSource.CANDIDATE_PROCEDURE, null));
    }

    @Test
    void linesKeepTheOrderInWhichTheyWereFirstAddedToTheEpisode() {
        Quote first = quote(EpisodeServices.inEstimateOrder(List.of(), List.of(), List.of(DISCECTOMY)));

        List<ServiceRequest> services =
                EpisodeServices.inEstimateOrder(first.lines(), List.of(MRI, SPECIALIST_VISIT), List.of(DISCECTOMY));

        assertThat(services).map(ServiceRequest::cpt).containsExactly("63030", "72148", "99204");
    }

    @Test
    void aCancelledAppointmentDropsOutAndTheOthersKeepTheirPlace() {
        Quote first = quote(EpisodeServices.inEstimateOrder(List.of(), List.of(SPECIALIST_VISIT, MRI), List.of()));

        List<ServiceRequest> services = EpisodeServices.inEstimateOrder(first.lines(), List.of(MRI), List.of());

        assertThat(services).containsExactly(ServiceRequest.appointment("appt-mri", "72148"));
    }

    @Test
    void aNewDecisionReplacesTheCandidateProceduresAndAppendsTheNewOnes() {
        Quote first =
                quote(EpisodeServices.inEstimateOrder(List.of(), List.of(SPECIALIST_VISIT), List.of(CHEMODENERVATION)));

        List<ServiceRequest> services =
                EpisodeServices.inEstimateOrder(first.lines(), List.of(SPECIALIST_VISIT), List.of(DISCECTOMY));

        assertThat(services).map(ServiceRequest::cpt).containsExactly("99204", "63030");
    }

    @Test
    void aCandidateListedTwiceIsTwoLines() {
        Quote first = quote(EpisodeServices.inEstimateOrder(List.of(), List.of(), List.of(DISCECTOMY, DISCECTOMY)));

        List<ServiceRequest> again =
                EpisodeServices.inEstimateOrder(first.lines(), List.of(), List.of(DISCECTOMY, DISCECTOMY));

        assertThat(again).map(ServiceRequest::cpt).containsExactly("63030", "63030");
    }

    @Test
    void anAppointmentReportedTwiceIsOneLine() {
        List<ServiceRequest> services = EpisodeServices.inEstimateOrder(List.of(), List.of(MRI, MRI), List.of());

        assertThat(services).hasSize(1);
    }

    @Test
    void successiveEstimatesConsumeTheDeductibleInTheOrderTheyWereProduced() {
        // given: v1 prices the specialist visit against the 283.00 Part B deductible reported at intake
        Quote v1 = quote(EpisodeServices.inEstimateOrder(List.of(), List.of(SPECIALIST_VISIT), List.of()));
        // when: v2 adds an MRI booked later and a candidate procedure from a new decision
        Quote v2 = quote(
                EpisodeServices.inEstimateOrder(v1.lines(), List.of(MRI, SPECIALIST_VISIT), List.of(CHEMODENERVATION)));

        // then: the visit consumes in v2 exactly what it consumed in v1, and the MRI only what was left
        assertThat(v1.lines())
                .map(Split::of)
                .containsExactly(new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36"));
        assertThat(v1.assumptions()).contains("Part B deductible still remaining after this estimate: 105.64 (B-MCR).");
        assertThat(v2.lines())
                .map(Split::of)
                .containsExactly(
                        new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36"),
                        new Split("191.72", "105.64", "68.86", "0.00", "0.00", "122.86"),
                        new Split("193.45", "0.00", "154.76", "0.00", "0.00", "38.69"));
        assertThat(v2.assumptions()).contains("Part B deductible still remaining after this estimate: 0.00 (B-MCR).");
    }

    @Test
    void cancellingAnEarlierAppointmentHandsItsDeductibleToTheNextLine() {
        Quote v1 = quote(EpisodeServices.inEstimateOrder(List.of(), List.of(SPECIALIST_VISIT, MRI), List.of()));

        Quote v2 = quote(EpisodeServices.inEstimateOrder(v1.lines(), List.of(MRI), List.of()));

        assertThat(v2.lines())
                .map(Split::of)
                .containsExactly(new Split("191.72", "191.72", "0.00", "0.00", "0.00", "191.72"));
    }

    @Test
    void producingTheEstimateAgainWithNothingChangedGivesTheSameLines() {
        Quote v1 =
                quote(EpisodeServices.inEstimateOrder(List.of(), List.of(SPECIALIST_VISIT, MRI), List.of(DISCECTOMY)));

        Quote v2 =
                quote(EpisodeServices.inEstimateOrder(v1.lines(), List.of(SPECIALIST_VISIT, MRI), List.of(DISCECTOMY)));

        assertThat(v2).isEqualTo(v1);
    }

    private Quote quote(List<ServiceRequest> services) {
        return calculator.quote(Coverages.medicare("283.00"), List.of(), services);
    }
}
