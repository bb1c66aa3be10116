package org.carepath.clinicview.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.StructuralCause;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * A hospital's imaging DiagnosticReport as an intake finding (CONTRACT.md "FHIR R4"): {@code subject} the patient,
 * the {@value FhirCodes#EXT_EPISODE} extension or {@code basedOn} the episode, {@code conclusionCode} the structural
 * cause, {@code code}/{@code category} the modality, and Carepath's {@code levels} and {@code
 * conservative-care-failed} extensions. Plain Java: it says what it could not map, by FHIRPath, rather than guess.
 */
public final class FindingMapping {

    private static final Set<String> FINAL = Set.of("final", "amended", "corrected", "appended");
    private static final Pattern REQUEST_ID =
            Pattern.compile("^(.+)-(imaging-(?:mri|ct|xray)|referral|procedure-[a-z0-9]+)$");

    /** ICD-10-CM categories (dots removed) that name a structural cause; the longest prefix wins. */
    private static final Map<String, StructuralCause> ICD10 = Map.of(
            "M510", StructuralCause.HERNIATED_DISC,
            "M511", StructuralCause.HERNIATED_DISC,
            "M512", StructuralCause.HERNIATED_DISC,
            "M480", StructuralCause.SPINAL_STENOSIS,
            "M532", StructuralCause.INSTABILITY,
            "M431", StructuralCause.INSTABILITY);

    /** SNOMED CT concepts a radiology system codes these conclusions with. */
    private static final Map<String, StructuralCause> SNOMED = Map.of(
            "73589001", StructuralCause.HERNIATED_DISC,
            "76107001", StructuralCause.SPINAL_STENOSIS,
            "18347007", StructuralCause.SPINAL_STENOSIS,
            "17621005", StructuralCause.NONE,
            "281900007", StructuralCause.NONE);

    private FindingMapping() {}

    /** What a DiagnosticReport says, for intake, and the key that makes its retries record it once. */
    public record MappedFinding(
            String episodeId,
            ImagingModality imaging,
            StructuralCause structuralCause,
            Integer levels,
            Boolean conservativeCareFailed,
            String idempotencyKey) {}

    /** One thing that could not be mapped: where (FHIRPath) and why. */
    public record Problem(String expression, String message) {}

    /** Either the finding or what stopped it. */
    public record Result(MappedFinding finding, List<Problem> problems) {
        public boolean mapped() {
            return finding != null;
        }
    }

    /** The episode the report names, if it names one (before anything else: a 404 beats a 422). */
    public static Optional<String> episodeOf(DiagnosticReport report) {
        for (Extension extension : report.getExtension()) {
            if (!FhirCodes.EXT_EPISODE.equals(extension.getUrl())) {
                continue;
            }
            if (extension.getValue() instanceof Reference reference) {
                Optional<String> id = idOf(reference, "EpisodeOfCare");
                if (id.isPresent()) {
                    return id;
                }
                if (reference.hasIdentifier()
                        && FhirCodes.EPISODE_ID.equals(reference.getIdentifier().getSystem())) {
                    return Optional.ofNullable(reference.getIdentifier().getValue());
                }
            }
            if (extension.getValue() instanceof Identifier identifier
                    && FhirCodes.EPISODE_ID.equals(identifier.getSystem())) {
                return Optional.ofNullable(identifier.getValue());
            }
        }
        for (Reference basedOn : report.getBasedOn()) {
            Optional<String> carePlan = idOf(basedOn, "CarePlan");
            if (carePlan.isPresent()) {
                return carePlan;
            }
            Optional<String> request = idOf(basedOn, "ServiceRequest");
            if (request.isPresent()) {
                Matcher matcher = REQUEST_ID.matcher(request.get());
                if (matcher.matches()) {
                    return Optional.of(matcher.group(1));
                }
            }
            if (basedOn.hasIdentifier()
                    && FhirCodes.EPISODE_ID.equals(basedOn.getIdentifier().getSystem())) {
                return Optional.ofNullable(basedOn.getIdentifier().getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code subject} is this episode's patient: by Carepath's patient id ({@code Patient/{id}} as served),
     * by an identifier whose value is the patient's MRN (or Carepath's patient id), on the reference itself or on a
     * contained Patient it points at.
     */
    public static boolean subjectIs(DiagnosticReport report, EpisodeRecord record) {
        Reference subject = report.getSubject();
        Optional<String> patientId = EpisodeResources.patientId(record);
        Optional<String> byId = idOf(subject, "Patient");
        if (byId.isPresent() && patientId.isPresent() && patientId.get().equals(byId.get())) {
            return true;
        }
        List<Identifier> identifiers = new ArrayList<>();
        if (subject.hasIdentifier()) {
            identifiers.add(subject.getIdentifier());
        }
        if (subject.hasReference() && subject.getReference().startsWith("#")) {
            String local = subject.getReference().substring(1);
            for (var contained : report.getContained()) {
                if (contained instanceof Patient patient
                        && local.equals(contained.getIdElement().getIdPart())) {
                    identifiers.addAll(patient.getIdentifier());
                }
            }
        }
        for (Identifier identifier : identifiers) {
            if (identifies(identifier, record, patientId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean identifies(Identifier identifier, EpisodeRecord record, Optional<String> patientId) {
        if (!identifier.hasValue()) {
            return false;
        }
        String value = identifier.getValue().strip();
        if (FhirCodes.PATIENT_ID.equals(identifier.getSystem())) {
            return patientId.isPresent() && patientId.get().equals(FhirIds.of(value));
        }
        return record.report() != null
                && record.report().patient() != null
                && record.report().patient().mrn() != null
                && record.report().patient().mrn().strip().equalsIgnoreCase(value);
    }

    /** The finding, or every problem found: status, subject, conclusion and Carepath's extensions. */
    public static Result map(DiagnosticReport report, String episodeId) {
        List<Problem> problems = new ArrayList<>();
        String status = report.getStatus() == null ? null : report.getStatus().toCode();
        if (status == null || !FINAL.contains(status)) {
            problems.add(new Problem(
                    "DiagnosticReport.status",
                    "only a final result becomes a finding (final, amended, corrected or appended), not " + status));
        }
        if (!report.hasSubject()
                || (!report.getSubject().hasReference() && !report.getSubject().hasIdentifier())) {
            problems.add(new Problem(
                    "DiagnosticReport.subject", "names no patient (a Patient reference or the patient's MRN)"));
        }
        Optional<StructuralCause> cause = structuralCause(report.getConclusionCode());
        if (cause.isEmpty()) {
            problems.add(new Problem(
                    "DiagnosticReport.conclusionCode",
                    report.hasConclusionCode()
                            ? "no code maps to a structural cause (herniated disc, spinal stenosis, instability or"
                                    + " none): use ICD-10-CM, SNOMED CT or " + FhirCodes.STRUCTURAL_CAUSE
                            : "is missing: the structural cause must be coded"));
        }
        Integer levels = null;
        Boolean conservativeCareFailed = null;
        for (Extension extension : report.getExtension()) {
            if (FhirCodes.EXT_LEVELS.equals(extension.getUrl())) {
                if (extension.getValue() instanceof IntegerType count
                        && count.getValue() != null
                        && count.getValue() >= 0) {
                    levels = count.getValue();
                } else {
                    problems.add(new Problem(
                            "DiagnosticReport.extension('" + FhirCodes.EXT_LEVELS + "')",
                            "must be a valueInteger of 0 or more"));
                }
            }
            if (FhirCodes.EXT_CONSERVATIVE_CARE_FAILED.equals(extension.getUrl())) {
                if (extension.getValue() instanceof BooleanType failed && failed.getValue() != null) {
                    conservativeCareFailed = failed.getValue();
                } else {
                    problems.add(new Problem(
                            "DiagnosticReport.extension('" + FhirCodes.EXT_CONSERVATIVE_CARE_FAILED + "')",
                            "must be a valueBoolean"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        ImagingModality imaging = modality(report).orElse(null);
        String key = idempotencyKey(report, episodeId, imaging, cause.get(), levels, conservativeCareFailed);
        return new Result(
                new MappedFinding(episodeId, imaging, cause.get(), levels, conservativeCareFailed, key), List.of());
    }

    /**
     * The same report, sent again, gives the same key: from the report's identifiers (or, without any, its
     * timing) and what it says, so a corrected report with another conclusion is a new finding.
     */
    static String idempotencyKey(
            DiagnosticReport report,
            String episodeId,
            ImagingModality imaging,
            StructuralCause cause,
            Integer levels,
            Boolean conservativeCareFailed) {
        StringBuilder source = new StringBuilder("episode=").append(episodeId);
        if (report.hasIdentifier()) {
            for (Identifier identifier : report.getIdentifier()) {
                source.append("|id=").append(identifier.getSystem()).append('#').append(identifier.getValue());
            }
        } else {
            source.append("|effective=")
                    .append(report.hasEffective() ? report.getEffective().primitiveValue() : "")
                    .append("|effectivePeriod=")
                    .append(
                            report.hasEffectivePeriod()
                                    ? report.getEffectivePeriod()
                                            .getStartElement()
                                            .getValueAsString()
                                    : "")
                    .append("|issued=")
                    .append(report.hasIssued() ? report.getIssuedElement().getValueAsString() : "")
                    .append("|conclusion=")
                    .append(report.getConclusion());
        }
        source.append("|imaging=")
                .append(imaging)
                .append("|cause=")
                .append(cause)
                .append("|levels=")
                .append(levels)
                .append("|failed=")
                .append(conservativeCareFailed);
        return "fhir-diagnostic-report-" + FhirIds.sha256(source.toString());
    }

    static Optional<StructuralCause> structuralCause(List<CodeableConcept> conclusions) {
        StructuralCause none = null;
        for (CodeableConcept concept : conclusions) {
            for (Coding coding : concept.getCoding()) {
                Optional<StructuralCause> cause = causeOf(coding);
                if (cause.isPresent() && cause.get() != StructuralCause.NONE) {
                    return cause;
                }
                if (cause.isPresent()) {
                    none = StructuralCause.NONE;
                }
            }
        }
        if (none != null) {
            return Optional.of(none);
        }
        for (CodeableConcept concept : conclusions) {
            Optional<StructuralCause> byText = causeOfText(concept.getText());
            if (byText.isPresent()) {
                return byText;
            }
            for (Coding coding : concept.getCoding()) {
                byText = causeOfText(coding.getDisplay());
                if (byText.isPresent()) {
                    return byText;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<StructuralCause> causeOf(Coding coding) {
        if (coding.getCode() == null) {
            return Optional.empty();
        }
        String code = coding.getCode().strip();
        String system = coding.getSystem() == null ? "" : coding.getSystem();
        if (system.equals(FhirCodes.STRUCTURAL_CAUSE)) {
            try {
                return Optional.of(StructuralCause.valueOf(code.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (system.equals(FhirCodes.ICD10CM) || system.equals("http://hl7.org/fhir/sid/icd-10")) {
            String compact = code.replace(".", "").toUpperCase(Locale.ROOT);
            return ICD10.entrySet().stream()
                    .filter(entry -> compact.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
        if (system.equals(FhirCodes.SNOMED)) {
            return Optional.ofNullable(SNOMED.get(code));
        }
        return Optional.empty();
    }

    /** Words of a coded concept's text or display; a negated phrase ("no herniation") never maps to a cause. */
    private static Optional<StructuralCause> causeOfText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String words = text.toLowerCase(Locale.ROOT);
        if (words.matches(".*\\b(no|not|without|negative|absent|ruled out)\\b.*")) {
            if (words.matches(".*\\b(no (structural|significant )?abnormalit(y|ies)|no structural cause)\\b.*")) {
                return Optional.of(StructuralCause.NONE);
            }
            return Optional.empty();
        }
        if (words.contains("herniat") || words.contains("prolapse") || words.contains("disc extrusion")) {
            return Optional.of(StructuralCause.HERNIATED_DISC);
        }
        if (words.contains("stenosis")) {
            return Optional.of(StructuralCause.SPINAL_STENOSIS);
        }
        if (words.contains("instabilit") || words.contains("spondylolisthesis")) {
            return Optional.of(StructuralCause.INSTABILITY);
        }
        if (words.matches(".*\\bnormal\\b.*")) {
            return Optional.of(StructuralCause.NONE);
        }
        return Optional.empty();
    }

    /** MRI, CT or X-ray from the report's code or category: CPT, DICOM modality, Carepath's code or words. */
    static Optional<ImagingModality> modality(DiagnosticReport report) {
        List<CodeableConcept> concepts = new ArrayList<>();
        concepts.add(report.getCode());
        concepts.addAll(report.getCategory());
        for (CodeableConcept concept : concepts) {
            for (Coding coding : concept.getCoding()) {
                Optional<ImagingModality> modality = modalityOf(coding);
                if (modality.isPresent()) {
                    return modality;
                }
            }
        }
        for (CodeableConcept concept : concepts) {
            Optional<ImagingModality> byText = modalityOfText(concept.getText());
            for (Coding coding : concept.getCoding()) {
                byText = byText.or(() -> modalityOfText(coding.getDisplay()));
            }
            if (byText.isPresent()) {
                return byText;
            }
        }
        return Optional.empty();
    }

    private static Optional<ImagingModality> modalityOf(Coding coding) {
        if (coding.getCode() == null) {
            return Optional.empty();
        }
        String code = coding.getCode().strip().toUpperCase(Locale.ROOT);
        String system = coding.getSystem() == null ? "" : coding.getSystem();
        if (system.equals(FhirCodes.IMAGING_MODALITY)) {
            try {
                return Optional.of(ImagingModality.valueOf(code));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (system.equals(FhirCodes.DICOM)) {
            switch (code) {
                case "MR":
                    return Optional.of(ImagingModality.MRI);
                case "CT":
                    return Optional.of(ImagingModality.CT);
                case "CR":
                case "DX":
                case "RG":
                    return Optional.of(ImagingModality.XRAY);
                default:
                    return Optional.empty();
            }
        }
        if (system.equals(FhirCodes.CPT) && code.length() == 5) {
            // Spine imaging: 72020–72120 radiographs, 72125–72133 CT, 72141–72158 MRI.
            if (code.compareTo("72141") >= 0 && code.compareTo("72158") <= 0) {
                return Optional.of(ImagingModality.MRI);
            }
            if (code.compareTo("72125") >= 0 && code.compareTo("72133") <= 0) {
                return Optional.of(ImagingModality.CT);
            }
            if (code.compareTo("72020") >= 0 && code.compareTo("72120") <= 0) {
                return Optional.of(ImagingModality.XRAY);
            }
        }
        return Optional.empty();
    }

    private static Optional<ImagingModality> modalityOfText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String words = " " + text.toLowerCase(Locale.ROOT) + " ";
        if (words.matches(".*\\b(mri|mr|magnetic resonance)\\b.*")) {
            return Optional.of(ImagingModality.MRI);
        }
        if (words.matches(".*\\b(ct|computed tomography)\\b.*")) {
            return Optional.of(ImagingModality.CT);
        }
        if (words.matches(".*\\b(x-ray|xray|radiograph\\w*)\\b.*")) {
            return Optional.of(ImagingModality.XRAY);
        }
        return Optional.empty();
    }

    private static Optional<String> idOf(Reference reference, String type) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        var id = reference.getReferenceElement();
        String resourceType = id.getResourceType();
        if (resourceType == null && reference.hasType()) {
            resourceType = reference.getType();
        }
        if (!type.equals(resourceType) || !id.hasIdPart()) {
            return Optional.empty();
        }
        return Optional.of(id.getIdPart());
    }
}
