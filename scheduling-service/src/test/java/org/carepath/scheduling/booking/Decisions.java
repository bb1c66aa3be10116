package org.carepath.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CarePlanStep;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.ImagingRecommendation;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;

/**
 * Object Mother for triage decisions: episode {@value #EPISODE} of a Queens patient reached by SMS, onset
 * 2026-11-20, decided on Tuesday 2026-11-24 at 10:00 in New York (version 1).
 */
public final class Decisions {

    public static final String EPISODE = "ep-1";
    public static final Instant DECIDED_AT = Instant.parse("2026-11-24T15:00:00Z");
    public static final LocalDate ONSET = LocalDate.of(2026, 11, 20);
    public static final String PHONE = "+15165550100";
    public static final String EMAIL = "patient@example.org";

    private Decisions() {}

    public static TriageDecided conservativeCare() {
        return decision(Disposition.CONSERVATIVE_CARE, List.of(), List.of("CL-ACUTE", "CC-REST", "CC-HEAT"));
    }

    public static TriageDecided conservativeCareWithPhysicalTherapy() {
        return decision(Disposition.CONSERVATIVE_CARE, List.of(), List.of("CL-CHRONIC", "CC-REST", "CC-HEAT", "CC-PT"));
    }

    public static TriageDecided conservativeCareAfterFall() {
        return decision(
                Disposition.CONSERVATIVE_CARE, List.of(xray()), List.of("CL-ACUTE", "IM-XRAY", "CC-REST", "CC-HEAT"));
    }

    public static TriageDecided specialistReferral() {
        return decision(Disposition.SPECIALIST_REFERRAL, List.of(), List.of("CL-CHRONIC", "SP-1", "CC-REST"));
    }

    public static TriageDecided specialistReferralWithMri() {
        return decision(
                Disposition.SPECIALIST_REFERRAL, List.of(mri()), List.of("CL-CHRONIC", "SP-2", "IM-MRI", "CC-REST"));
    }

    public static TriageDecided nerveSignsReferral() {
        return decision(
                Disposition.SPECIALIST_REFERRAL, List.of(mri()), List.of("CL-ACUTE", "SP-3", "IM-MRI", "CC-REST"));
    }

    public static TriageDecided cancerHistoryReferral() {
        return decision(Disposition.SPECIALIST_REFERRAL, List.of(), List.of("CL-ACUTE", "SP-5", "CC-REST"));
    }

    public static TriageDecided cancerHistoryReferralWithMri() {
        return decision(
                Disposition.SPECIALIST_REFERRAL, List.of(mri()), List.of("CL-ACUTE", "SP-5", "IM-MRI", "CC-REST"));
    }

    /** ER-HOLD: a referral after an emergency, to be seen within 3 days like SP-5 (clinical-rules §3). */
    public static TriageDecided emergencyHoldReferralWithMri() {
        return decision(
                Disposition.SPECIALIST_REFERRAL, List.of(mri()), List.of("CL-ACUTE", "ER-HOLD", "IM-MRI", "CC-REST"));
    }

    /** The same decision, its episode block naming intake's opaque patient id. */
    public static TriageDecided forPatient(TriageDecided d, String patientId) {
        EpisodeContext e = d.episode();
        return withEpisode(
                d, new EpisodeContext(e.region(), e.onsetDate(), e.contact(), e.triggers(), e.coverage(), patientId));
    }

    public static TriageDecided surgicalConsultWithCt() {
        return decision(
                Disposition.SURGICAL_CONSULT,
                List.of(new ImagingRecommendation(ImagingModality.CT, "IM-CT", "surgical planning")),
                List.of("CL-CHRONIC", "SU-DISC", "IM-CT"));
    }

    public static TriageDecided surgicalConsult() {
        return decision(Disposition.SURGICAL_CONSULT, List.of(), List.of("CL-CHRONIC", "SU-DISC"));
    }

    public static TriageDecided chemodenervationConsult() {
        return decision(Disposition.CHEMODENERVATION_CONSULT, List.of(), List.of("CL-CHRONIC", "SU-CHEMO"));
    }

    public static TriageDecided emergency() {
        return decision(Disposition.EMERGENCY, List.of(mri()), List.of("ER-4", "IM-MRI"));
    }

    public static TriageDecided recovered() {
        return decision(Disposition.RECOVERED, List.of(), List.of("FU-RECOVERED"));
    }

    public static TriageDecided withVersion(TriageDecided d, int version) {
        return new TriageDecided(
                d.episodeId(),
                version,
                d.decidedAt(),
                d.disposition(),
                d.classification(),
                d.startBackRisk(),
                d.redFlags(),
                d.imaging(),
                d.considerations(),
                d.candidateProcedures(),
                d.carePlan(),
                d.rules(),
                d.assumptions(),
                d.episode());
    }

    public static TriageDecided decidedAt(TriageDecided d, Instant decidedAt) {
        return new TriageDecided(
                d.episodeId(),
                d.version(),
                decidedAt,
                d.disposition(),
                d.classification(),
                d.startBackRisk(),
                d.redFlags(),
                d.imaging(),
                d.considerations(),
                d.candidateProcedures(),
                d.carePlan(),
                d.rules(),
                d.assumptions(),
                d.episode());
    }

    public static TriageDecided forEpisode(TriageDecided d, String episodeId) {
        return new TriageDecided(
                episodeId,
                d.version(),
                d.decidedAt(),
                d.disposition(),
                d.classification(),
                d.startBackRisk(),
                d.redFlags(),
                d.imaging(),
                d.considerations(),
                d.candidateProcedures(),
                d.carePlan(),
                d.rules(),
                d.assumptions(),
                d.episode());
    }

    public static TriageDecided withImaging(TriageDecided d, ImagingRecommendation recommendation) {
        List<ImagingRecommendation> imaging =
                Stream.concat(d.imaging().stream(), Stream.of(recommendation)).toList();
        List<String> rules = Stream.concat(d.rules().stream(), Stream.of(recommendation.rule()))
                .toList();
        return new TriageDecided(
                d.episodeId(),
                d.version(),
                d.decidedAt(),
                d.disposition(),
                d.classification(),
                d.startBackRisk(),
                d.redFlags(),
                imaging,
                d.considerations(),
                d.candidateProcedures(),
                d.carePlan(),
                rules,
                d.assumptions(),
                d.episode());
    }

    public static TriageDecided withEpisode(TriageDecided d, EpisodeContext episode) {
        return new TriageDecided(
                d.episodeId(),
                d.version(),
                d.decidedAt(),
                d.disposition(),
                d.classification(),
                d.startBackRisk(),
                d.redFlags(),
                d.imaging(),
                d.considerations(),
                d.candidateProcedures(),
                d.carePlan(),
                d.rules(),
                d.assumptions(),
                episode);
    }

    public static EpisodeContext episode(Region region, LocalDate onset, Contact contact) {
        return new EpisodeContext(region, onset, contact, List.of(Trigger.LIFTING), null, null);
    }

    public static Contact sms() {
        return new Contact(ContactChannel.SMS, PHONE, null);
    }

    public static Contact email() {
        return new Contact(ContactChannel.EMAIL, null, EMAIL);
    }

    public static ImagingRecommendation xray() {
        return new ImagingRecommendation(ImagingModality.XRAY, "IM-XRAY", "rule out a fracture");
    }

    public static ImagingRecommendation mri() {
        return new ImagingRecommendation(ImagingModality.MRI, "IM-MRI", "nerve signs");
    }

    private static TriageDecided decision(
            Disposition disposition, List<ImagingRecommendation> imaging, List<String> rules) {
        List<CarePlanStep> carePlan = disposition == Disposition.EMERGENCY || disposition == Disposition.RECOVERED
                ? List.of()
                : rules.stream()
                        .filter(rule -> rule.startsWith("CC-"))
                        .map(code -> new CarePlanStep(code, "instruction for " + code, null, null))
                        .toList();
        return new TriageDecided(
                EPISODE,
                1,
                DECIDED_AT,
                disposition,
                rules.contains("CL-CHRONIC") ? Classification.CHRONIC : Classification.ACUTE,
                StartBackRisk.LOW,
                disposition == Disposition.EMERGENCY ? List.of("ER-4") : List.of(),
                imaging,
                List.of(),
                List.of(),
                carePlan,
                rules,
                List.of(),
                episode(Region.QUEENS, ONSET, sms()));
    }
}
