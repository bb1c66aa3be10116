package org.carepath.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.carepath.billing.estimate.BookedAppointment;
import org.carepath.billing.estimate.EstimateCalculator;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.SecondaryType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * B-ORDER as a property: for any interleaving of one episode's decision, booking and cancellation events (seeded
 * shuffles, many iterations), the estimate the episode ends with is the same, to the cent. Before B-ORDER the same
 * episode could come out 40.00 apart with a commercial deductible and copay.
 */
class EstimateInterleavingTest {

    private static final int ITERATIONS = 400;
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    private final EstimateCalculator calculator = EstimateCalculator.bundled(2026);

    static Stream<Arguments> coverages() {
        return Stream.of(
                Arguments.of(
                        "commercial: 150.00 deductible, 20 %, 40.00 copay",
                        new Coverage(
                                PrimaryPayer.COMMERCIAL,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new Coverage.Commercial(
                                        new BigDecimal("150.00"), new BigDecimal("20"), new BigDecimal("40.00")))),
                Arguments.of(
                        "Medicare 283.00 deductible, employer secondary 250.00",
                        new Coverage(
                                PrimaryPayer.MEDICARE,
                                new BigDecimal("283.00"),
                                null,
                                new Coverage.Secondary(SecondaryType.EMPLOYER, new BigDecimal("250.00"), true),
                                null,
                                null,
                                null)),
                Arguments.of(
                        "Medicare and secondary deductibles unknown (B-UNKNOWN)",
                        new Coverage(
                                PrimaryPayer.MEDICARE,
                                null,
                                null,
                                new Coverage.Secondary(SecondaryType.TRICARE, null, true),
                                null,
                                null,
                                null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coverages")
    void theEstimateIsTheSameForEveryOrderTheEventsArriveIn(String coverageName, Coverage coverage) {
        List<UnaryOperator<EpisodeAccount>> events = episodeEvents(coverage);
        Estimate expected = finalEstimate(events);
        Random random = new Random(20261201L);

        for (int i = 0; i < ITERATIONS; i++) {
            List<UnaryOperator<EpisodeAccount>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);

            assertThat(finalEstimate(shuffled)).as("interleaving %d", i).isEqualTo(expected);
        }
        assertThat(expected.lines()).extracting(EstimateLine::cpt).containsExactly("99204", "72148", "63030");
        assertThat(expected.totals().allowed()).isEqualByComparingTo("369.08");
        assertThat(expected.candidateTotals().allowed()).isEqualByComparingTo("1125.30");
    }

    /** Two decision versions, three bookings (one of them cancelled), and the cancellation. */
    private static List<UnaryOperator<EpisodeAccount>> episodeEvents(Coverage coverage) {
        BookedAppointment visit = new BookedAppointment("appt-visit", "99204", Instant.parse("2026-12-03T15:00:00Z"));
        BookedAppointment mri = new BookedAppointment("appt-mri", "72148", Instant.parse("2026-12-08T14:00:00Z"));
        BookedAppointment therapy = new BookedAppointment("appt-pt", "97110", Instant.parse("2026-12-01T16:00:00Z"));
        return List.of(
                account -> account.decided(Decisions.decision(1, coverage, Decisions.CHEMODENERVATION)),
                account -> account.decided(Decisions.decision(2, coverage, Decisions.DISCECTOMY)),
                account -> account.booked(mri),
                account -> account.booked(visit),
                account -> account.booked(therapy),
                account -> account.cancelled("appt-pt"));
    }

    /** Applies the events one by one as the service does: each change is priced again at once. */
    private Estimate finalEstimate(List<UnaryOperator<EpisodeAccount>> events) {
        EpisodeAccount account = EpisodeAccount.opened(Decisions.EPISODE);
        for (UnaryOperator<EpisodeAccount> event : events) {
            account = event.apply(account).reestimated(calculator, NOW).account();
        }
        return Estimate.of(account.currentEstimate().orElseThrow());
    }

    /** What an estimate says, without its version number and id (how many versions it took is not its content). */
    private record Estimate(
            Payer primaryPayer,
            List<EstimateLine> lines,
            EstimateTotals totals,
            EstimateTotals candidateTotals,
            List<String> assumptions,
            List<String> rules) {

        static Estimate of(EstimateProduced estimate) {
            return new Estimate(
                    estimate.primaryPayer(),
                    estimate.lines(),
                    estimate.totals(),
                    estimate.candidateTotals(),
                    estimate.assumptions(),
                    estimate.rules());
        }
    }
}
