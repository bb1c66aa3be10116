package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;

/** Object Mother: DiagnosticReports as a hospital's radiology system sends them. */
final class DiagnosticReports {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private DiagnosticReports() {}

    /** A final lumbar MRI for the episode, concluding a herniated disc (ICD-10-CM), conservative care failed. */
    static DiagnosticReport herniatedDiscMri(String episodeId, String patientId, String accession) {
        DiagnosticReport report = new DiagnosticReport();
        report.addIdentifier().setSystem("urn:oid:1.2.840.114350.1.13.99").setValue(accession);
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addCategory(
                new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")));
        report.setCode(new CodeableConcept(new Coding(FhirCodes.CPT, "72148", "MRI lumbar spine without contrast"))
                .setText("MRI lumbar spine"));
        report.setSubject(new Reference("Patient/" + patientId));
        report.addExtension(new Extension(FhirCodes.EXT_EPISODE, new Reference("EpisodeOfCare/" + episodeId)));
        report.addExtension(new Extension(FhirCodes.EXT_LEVELS, new IntegerType(1)));
        report.addExtension(new Extension(FhirCodes.EXT_CONSERVATIVE_CARE_FAILED, new BooleanType(true)));
        report.setEffective(new DateTimeType("2026-11-26T10:00:00Z"));
        report.setIssued(Date.from(java.time.Instant.parse("2026-11-26T12:00:00Z")));
        report.setConclusion("L4-L5 disc herniation compressing the L5 nerve root.");
        report.addConclusionCode(new CodeableConcept(
                new Coding(FhirCodes.ICD10CM, "M51.26", "Other intervertebral disc displacement, lumbar region")));
        return report;
    }

    static String json(DiagnosticReport report) {
        return FHIR.newJsonParser().encodeResourceToString(report);
    }
}
