package org.carepath.billing.episode;

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
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentCancelled;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;

/** Object Mother: the events billing consumes, as triage and scheduling publish them. */
final class PathwayEvents {

    static final String DISCECTOMY = "63030";
    static final String CHEMODENERVATION = "64646";

    private PathwayEvents() {}

    /** With Medicare, Part B deductible met, and Medigap: the contract's example coverage. */
    static TriageDecided surgicalDecision(String episodeId, int version, String... candidateCpts) {
        return surgicalDecision(episodeId, version, medicareWithMedigap(), candidateCpts);
    }

    static TriageDecided surgicalDecision(String episodeId, int version, Coverage coverage, String... candidateCpts) {
        List<CandidateProcedure> candidates = Arrays.stream(candidateCpts)
                .map(cpt -> new CandidateProcedure(cpt, "SU-DISC", "procedure " + cpt, null))
                .toList();
        return new TriageDecided(
                episodeId,
                version,
                Instant.parse("2026-11-24T15:00:00Z"),
                Disposition.SURGICAL_CONSULT,
                Classification.CHRONIC,
                StartBackRisk.MEDIUM,
                List.of(),
                List.of(),
                List.of(),
                candidates,
                List.of(),
                List.of("SU-DISC"),
                List.of(),
                new EpisodeContext(
                        Region.NASSAU, LocalDate.of(2026, 11, 20), null, List.of(Trigger.LIFTING), coverage, null));
    }

    /** The decision about the patient with this opaque patientId, as triage carries it from intake. */
    static TriageDecided forPatient(TriageDecided decision, String patientId) {
        EpisodeContext e = decision.episode();
        return new TriageDecided(
                decision.episodeId(),
                decision.version(),
                decision.decidedAt(),
                decision.disposition(),
                decision.classification(),
                decision.startBackRisk(),
                decision.redFlags(),
                decision.imaging(),
                decision.considerations(),
                decision.candidateProcedures(),
                decision.carePlan(),
                decision.rules(),
                decision.assumptions(),
                new EpisodeContext(e.region(), e.onsetDate(), e.contact(), e.triggers(), e.coverage(), patientId));
    }

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

    static Coverage medicareWithNegativeDeductible() {
        return new Coverage(PrimaryPayer.MEDICARE, new BigDecimal("-1.00"), null, null, null, null, null);
    }

    /** A surgical consult, priced as 99204 (scheduling-rules.md §2). */
    static AppointmentBooked surgicalConsult(String episodeId, String appointmentId) {
        Instant start = Instant.parse("2026-12-01T14:00:00Z");
        return new AppointmentBooked(
                appointmentId,
                episodeId,
                AppointmentType.SURGICAL_CONSULT,
                Specialty.SPINE_SURGEON,
                "prov-1",
                "site-1",
                Region.NASSAU,
                start,
                start.plusSeconds(45 * 60),
                AppointmentStatus.BOOKED,
                AppointmentType.SURGICAL_CONSULT.cpt());
    }

    static AppointmentCancelled cancelled(String episodeId, String appointmentId) {
        return new AppointmentCancelled(appointmentId, episodeId, "patient request");
    }
}
