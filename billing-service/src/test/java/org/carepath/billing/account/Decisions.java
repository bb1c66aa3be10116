package org.carepath.billing.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.SupplementalType;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;

/** Object Mother: triage decisions as billing receives them, with the episode context they carry. */
final class Decisions {

    static final String EPISODE = "episode-1";
    static final CandidateProcedure DISCECTOMY = new CandidateProcedure("63030", "SU-DISC", "discectomy", null);
    static final CandidateProcedure CHEMODENERVATION =
            new CandidateProcedure("64646", "SU-CHEMO", "chemodenervation", null);

    private Decisions() {}

    /** Medicare with the Part B deductible met and a Medigap plan: the supplement pays the coinsurance. */
    static Coverage medicareWithMedigap() {
        return new Coverage(
                PrimaryPayer.MEDICARE,
                new BigDecimal("0.00"),
                new Coverage.Supplemental(SupplementalType.MEDIGAP, false),
                null,
                null,
                null,
                null);
    }

    static Coverage medicareWithDeductibleRemaining(String remaining) {
        return new Coverage(PrimaryPayer.MEDICARE, new BigDecimal(remaining), null, null, null, null, null);
    }

    static TriageDecided surgical(int version) {
        return decision(version, medicareWithMedigap(), DISCECTOMY);
    }

    static TriageDecided conservative(int version) {
        return new TriageDecided(
                EPISODE,
                version,
                Instant.parse("2026-11-24T15:00:00Z"),
                Disposition.CONSERVATIVE_CARE,
                Classification.ACUTE,
                StartBackRisk.LOW,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of("CL-ACUTE"),
                List.of(),
                context(medicareWithMedigap()));
    }

    static TriageDecided decision(int version, Coverage coverage, CandidateProcedure... candidates) {
        return new TriageDecided(
                EPISODE,
                version,
                Instant.parse("2026-11-24T15:00:00Z"),
                Disposition.SURGICAL_CONSULT,
                Classification.CHRONIC,
                StartBackRisk.MEDIUM,
                List.of(),
                List.of(),
                List.of(),
                Arrays.asList(candidates),
                List.of(),
                List.of("SU-DISC"),
                List.of(),
                context(coverage));
    }

    private static EpisodeContext context(Coverage coverage) {
        return new EpisodeContext(
                Region.NASSAU, LocalDate.of(2026, 11, 20), null, List.of(Trigger.LIFTING), coverage, null);
    }
}
