package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.carepath.events.triage.CandidateProcedure;
import org.junit.jupiter.api.Test;

/** billing-rules.md §5 and B-ORDER: what an episode's estimate covers, ordered by date of service. */
class EpisodeServicesTest {

    private static final Instant DEC_5 = Instant.parse("2026-12-05T14:00:00Z");
    private static final Instant DEC_10 = Instant.parse("2026-12-10T15:00:00Z");
    private static final BookedAppointment MRI = new BookedAppointment("appt-mri", "72148", DEC_5);
    private static final BookedAppointment SPECIALIST_VISIT = new BookedAppointment("appt-visit", "99204", DEC_10);
    private static final CandidateProcedure DISCECTOMY = new CandidateProcedure("63030", "SU-DISC", "discectomy", null);
    private static final CandidateProcedure CHEMODENERVATION =
            new CandidateProcedure("64646", "SU-CHEMO", "chemodenervation", null);

    private final EstimateCalculator calculator = Calculators.shipped2026();

    @Test
    void bOrderListsAppointmentsByStartThenCandidateProceduresByCpt() {
        List<ServiceRequest> services =
                EpisodeServices.inEstimateOrder(List.of(SPECIALIST_VISIT, MRI), List.of(DISCECTOMY, CHEMODENERVATION));

        assertThat(services)
                .containsExactly(
                        ServiceRequest.appointment("appt-mri", "72148", DEC_5),
                        ServiceRequest.appointment("appt-visit", "99204", DEC_10),
                        ServiceRequest.candidate("63030"),
                        ServiceRequest.candidate("64646"));
    }

    @Test
    void bOrderDoesNotDependOnTheOrderBookingsAndCandidatesArrivedIn() {
        List<ServiceRequest> one =
                EpisodeServices.inEstimateOrder(List.of(MRI, SPECIALIST_VISIT), List.of(CHEMODENERVATION, DISCECTOMY));
        List<ServiceRequest> other =
                EpisodeServices.inEstimateOrder(List.of(SPECIALIST_VISIT, MRI), List.of(DISCECTOMY, CHEMODENERVATION));

        assertThat(one).isEqualTo(other);
    }

    @Test
    void appointmentsStartingTogetherAreOrderedByTheirId() {
        BookedAppointment b = new BookedAppointment("appt-b", "97110", DEC_5);
        BookedAppointment a = new BookedAppointment("appt-a", "97140", DEC_5);

        assertThat(EpisodeServices.inEstimateOrder(List.of(b, a), List.of()))
                .map(ServiceRequest::appointmentId)
                .containsExactly("appt-a", "appt-b");
    }

    @Test
    void anAppointmentWithoutAStartComesAfterTheDatedOnes() {
        BookedAppointment undated = new BookedAppointment("appt-0", "99213", null);

        assertThat(EpisodeServices.inEstimateOrder(List.of(undated, SPECIALIST_VISIT), List.of()))
                .map(ServiceRequest::appointmentId)
                .containsExactly("appt-visit", "appt-0");
    }

    @Test
    void aCandidateListedTwiceIsTwoLines() {
        assertThat(EpisodeServices.inEstimateOrder(List.of(), List.of(DISCECTOMY, DISCECTOMY)))
                .map(ServiceRequest::cpt)
                .containsExactly("63030", "63030");
    }

    @Test
    void anAppointmentReportedTwiceIsOneLine() {
        assertThat(EpisodeServices.inEstimateOrder(List.of(MRI, MRI), List.of()))
                .hasSize(1);
    }

    @Test
    void bOrderPricesAnAppointmentBookedLaterButHeldEarlierFirst() {
        // given: v1 prices the specialist visit against the 283.00 Part B deductible reported at intake
        Quote v1 = quote(List.of(SPECIALIST_VISIT), List.of());
        // when: an MRI booked afterwards, but held five days before the visit, joins a candidate procedure
        Quote v2 = quote(List.of(SPECIALIST_VISIT, MRI), List.of(CHEMODENERVATION));

        // then: v2 is priced again from the starting deductible, MRI first, and the candidate after the booked lines
        assertThat(v1.lines())
                .map(Split::of)
                .containsExactly(new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36"));
        assertThat(v2.lines())
                .map(Split::of)
                .containsExactly(
                        new Split("191.72", "191.72", "0.00", "0.00", "0.00", "191.72"),
                        new Split("177.36", "91.28", "68.86", "0.00", "0.00", "108.50"),
                        new Split("193.45", "0.00", "154.76", "0.00", "0.00", "38.69"));
        assertThat(v2.assumptions()).contains("Part B deductible still remaining after this estimate: 0.00 (B-MCR).");
        assertThat(v2.rules()).containsExactly("B-MCR", "B-ORDER", "B-CAND");
    }

    @Test
    void cancellingAnEarlierAppointmentHandsItsDeductibleToTheNextLine() {
        Quote v2 = quote(List.of(SPECIALIST_VISIT), List.of());

        assertThat(v2.lines())
                .map(Split::of)
                .containsExactly(new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36"));
    }

    @Test
    void producingTheEstimateAgainWithNothingChangedGivesTheSameQuote() {
        Quote v1 = quote(List.of(SPECIALIST_VISIT, MRI), List.of(DISCECTOMY));

        Quote v2 = quote(List.of(MRI, SPECIALIST_VISIT), List.of(DISCECTOMY));

        assertThat(v2).isEqualTo(v1);
    }

    private Quote quote(List<BookedAppointment> booked, List<CandidateProcedure> candidates) {
        return calculator.quoteEpisode(Coverages.medicare("283.00"), List.of(), booked, candidates);
    }
}
