package org.carepath.triage.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;

/**
 * §9 Surgical referral, over every finding of the episode so far. A structural finding leads to a surgical consult
 * only when conservative care has failed or nerve signs are present; otherwise it is a specialist referral with the
 * procedure listed "if conservative care fails", never a surgical booking.
 */
final class SurgicalRules {

    static final String IF_CONSERVATIVE_CARE_FAILS = "IF_CONSERVATIVE_CARE_FAILS";
    static final String NONE = "SU-NONE";
    static final String CHEMODENERVATION = "SU-CHEMO";

    private record Procedure(String cpt, String description) {}

    private record StructuralRule(String id, StructuralCause cause, List<Procedure> procedures) {}

    private static final List<StructuralRule> STRUCTURAL = List.of(
            new StructuralRule(
                    "SU-DISC",
                    StructuralCause.HERNIATED_DISC,
                    List.of(new Procedure("63030", "discectomy / laminotomy"))),
            new StructuralRule(
                    "SU-STENOSIS", StructuralCause.SPINAL_STENOSIS, List.of(new Procedure("63047", "laminectomy"))),
            new StructuralRule(
                    "SU-INSTABILITY",
                    StructuralCause.INSTABILITY,
                    List.of(
                            new Procedure("22612", "posterior spinal fusion"),
                            new Procedure("22630", "single-level lumbar fusion"))));

    private static final Procedure ONE_LEVEL_CHEMODENERVATION =
            new Procedure("64646", "EMG-guided chemodenervation, one level");
    private static final Procedure MULTI_LEVEL_CHEMODENERVATION =
            new Procedure("64647", "EMG-guided chemodenervation, two or more levels");

    /** SU-* in the order of §9, for citing. */
    private static final List<String> ORDER = Stream.concat(
                    STRUCTURAL.stream().map(StructuralRule::id), Stream.of(CHEMODENERVATION, NONE))
            .toList();

    private SurgicalRules() {}

    /**
     * @param disposition the most urgent disposition the findings call for, {@code null} when they call for none
     * @param surgicalPlanning the structural rules that lead to a surgical consult now (IM-CT plans for them)
     */
    record Surgical(
            List<String> rules,
            Disposition disposition,
            List<CandidateProcedure> procedures,
            List<String> surgicalPlanning,
            List<String> assumptions) {}

    static Surgical evaluate(ClinicalPicture picture) {
        List<String> rules = new ArrayList<>();
        List<String> surgicalPlanning = new ArrayList<>();
        List<String> assumptions = new ArrayList<>();
        Map<String, CandidateProcedure> procedures = new LinkedHashMap<>();
        Disposition disposition = null;
        boolean surgeryNow = picture.conservativeCareFailed() || picture.nerveSigns();
        for (FindingRecorded finding : picture.findings()) {
            StructuralCause cause = finding.structuralCause();
            if (cause == null) {
                assumptions.add("finding " + finding.findingId() + " names no structural cause: NONE assumed");
                cause = StructuralCause.NONE;
            }
            StructuralRule structural = structuralRuleFor(cause);
            if (structural != null) {
                rules.add(structural.id());
                for (Procedure procedure : structural.procedures()) {
                    propose(procedures, structural.id(), procedure, surgeryNow ? null : IF_CONSERVATIVE_CARE_FAILS);
                }
                if (surgeryNow) {
                    surgicalPlanning.add(structural.id());
                }
                disposition = Precedence.mostUrgent(
                        disposition, surgeryNow ? Disposition.SURGICAL_CONSULT : Disposition.SPECIALIST_REFERRAL);
            } else if (picture.classification() == Classification.CHRONIC && picture.conservativeCareFailed()) {
                rules.add(CHEMODENERVATION);
                propose(
                        procedures,
                        CHEMODENERVATION,
                        finding.levels() >= 2 ? MULTI_LEVEL_CHEMODENERVATION : ONE_LEVEL_CHEMODENERVATION,
                        null);
                disposition = Precedence.mostUrgent(disposition, Disposition.CHEMODENERVATION_CONSULT);
            } else {
                rules.add(NONE); // stay on the current pathway
            }
        }
        return new Surgical(
                rules.stream()
                        .distinct()
                        .sorted(Comparator.comparingInt(ORDER::indexOf))
                        .toList(),
                disposition,
                List.copyOf(procedures.values()),
                surgicalPlanning.stream().distinct().toList(),
                List.copyOf(assumptions));
    }

    private static StructuralRule structuralRuleFor(StructuralCause cause) {
        return STRUCTURAL.stream()
                .filter(rule -> rule.cause() == cause)
                .findFirst()
                .orElse(null);
    }

    /** One entry per CPT; a procedure wanted now outranks the same one listed only "if conservative care fails". */
    private static void propose(
            Map<String, CandidateProcedure> procedures, String rule, Procedure procedure, String condition) {
        CandidateProcedure proposed = new CandidateProcedure(procedure.cpt(), rule, procedure.description(), condition);
        procedures.merge(procedure.cpt(), proposed, (known, next) -> known.condition() == null ? known : next);
    }
}
