package org.carepath.clinicview.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.StructuralCause;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a hospital's DiagnosticReport becomes a finding: one row per way of coding the conclusion or modality. */
class FindingMappingTest {

    static final String EPISODE = "44444444-4444-4444-8444-444444444444";

    static Stream<Arguments> conclusions() {
        return Stream.of(
                Arguments.of(new Coding(FhirCodes.ICD10CM, "M51.26", null), StructuralCause.HERNIATED_DISC),
                Arguments.of(new Coding(FhirCodes.ICD10CM, "M51.16", null), StructuralCause.HERNIATED_DISC),
                Arguments.of(new Coding(FhirCodes.ICD10CM, "M48.061", null), StructuralCause.SPINAL_STENOSIS),
                Arguments.of(new Coding(FhirCodes.ICD10CM, "M53.2X6", null), StructuralCause.INSTABILITY),
                Arguments.of(new Coding(FhirCodes.ICD10CM, "M43.16", null), StructuralCause.INSTABILITY),
                Arguments.of(new Coding(FhirCodes.SNOMED, "73589001", null), StructuralCause.HERNIATED_DISC),
                Arguments.of(new Coding(FhirCodes.SNOMED, "18347007", null), StructuralCause.SPINAL_STENOSIS),
                Arguments.of(new Coding(FhirCodes.SNOMED, "281900007", null), StructuralCause.NONE),
                Arguments.of(new Coding(FhirCodes.STRUCTURAL_CAUSE, "INSTABILITY", null), StructuralCause.INSTABILITY),
                Arguments.of(new Coding(FhirCodes.STRUCTURAL_CAUSE, "NONE", null), StructuralCause.NONE),
                Arguments.of(
                        new Coding("http://example.org/local", "X1", "Lumbar disc herniation"),
                        StructuralCause.HERNIATED_DISC),
                Arguments.of(new Coding("http://example.org/local", "X2", "No disc herniation"), null),
                Arguments.of(new Coding(FhirCodes.ICD10CM, "S32.009A", null), null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("conclusions")
    void theConclusionCodeNamesTheStructuralCause(Coding conclusion, StructuralCause expected) {
        DiagnosticReport report = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-1");
        report.getConclusionCode().clear();
        report.addConclusionCode(new CodeableConcept(conclusion));

        FindingMapping.Result result = FindingMapping.map(report, EPISODE);

        if (expected == null) {
            assertThat(result.mapped()).isFalse();
            assertThat(result.problems())
                    .extracting(FindingMapping.Problem::expression)
                    .containsExactly("DiagnosticReport.conclusionCode");
        } else {
            assertThat(result.finding().structuralCause()).isEqualTo(expected);
        }
    }

    static Stream<Arguments> modalities() {
        return Stream.of(
                Arguments.of(new Coding(FhirCodes.CPT, "72148", null), ImagingModality.MRI),
                Arguments.of(new Coding(FhirCodes.CPT, "72131", null), ImagingModality.CT),
                Arguments.of(new Coding(FhirCodes.CPT, "72100", null), ImagingModality.XRAY),
                Arguments.of(new Coding(FhirCodes.DICOM, "MR", null), ImagingModality.MRI),
                Arguments.of(new Coding(FhirCodes.DICOM, "DX", null), ImagingModality.XRAY),
                Arguments.of(new Coding("http://loinc.org", "24590-2", "MR Lumbar spine"), ImagingModality.MRI),
                Arguments.of(new Coding("http://loinc.org", "00000-0", "Consultation note"), null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("modalities")
    void theReportsCodeNamesTheModality(Coding code, ImagingModality expected) {
        DiagnosticReport report = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-1");
        report.setCode(new CodeableConcept(code));

        assertThat(FindingMapping.map(report, EPISODE).finding().imaging()).isEqualTo(expected);
    }

    @Test
    void theEpisodeIsNamedByExtensionOrByWhatTheReportIsBasedOn() {
        DiagnosticReport byExtension = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-1");
        DiagnosticReport byRequest =
                new DiagnosticReport().addBasedOn(new Reference("ServiceRequest/" + EPISODE + "-imaging-mri"));
        DiagnosticReport byCarePlan = new DiagnosticReport().addBasedOn(new Reference("CarePlan/" + EPISODE));
        DiagnosticReport byIdentifier = new DiagnosticReport();
        byIdentifier.addExtension(new Extension(
                FhirCodes.EXT_EPISODE,
                new Identifier().setSystem(FhirCodes.EPISODE_ID).setValue(EPISODE)));

        for (DiagnosticReport report : List.of(byExtension, byRequest, byCarePlan, byIdentifier)) {
            assertThat(FindingMapping.episodeOf(report)).contains(EPISODE);
        }
        assertThat(FindingMapping.episodeOf(new DiagnosticReport())).isEmpty();
    }

    @Test
    void theSubjectIsTheEpisodesPatientByIdByMrnOrByAContainedPatient() {
        var record = Episodes.surgicalConsult();
        String patientId = EpisodeResources.patientId(record).orElseThrow();
        DiagnosticReport byId = new DiagnosticReport().setSubject(new Reference("Patient/" + patientId));
        DiagnosticReport byMrn = new DiagnosticReport()
                .setSubject(new Reference()
                        .setIdentifier(
                                new Identifier().setSystem("urn:oid:1.2.3").setValue("mrn-1004")));
        DiagnosticReport byContained = new DiagnosticReport().setSubject(new Reference("#p1"));
        org.hl7.fhir.r4.model.Patient contained = new org.hl7.fhir.r4.model.Patient();
        contained.setId("p1");
        contained.addIdentifier().setSystem("http://hospital.example/mrn").setValue("MRN-1004");
        byContained.addContained(contained);
        DiagnosticReport theirIdAndOurMrn = new DiagnosticReport()
                .setSubject(new Reference("Patient/hosp-77").setIdentifier(new Identifier().setValue("MRN-1004")));
        DiagnosticReport another = new DiagnosticReport().setSubject(new Reference("Patient/pt-someone-else"));
        DiagnosticReport anotherMrn =
                new DiagnosticReport().setSubject(new Reference().setIdentifier(new Identifier().setValue("MRN-9999")));

        for (DiagnosticReport report : List.of(byId, byMrn, byContained, theirIdAndOurMrn)) {
            assertThat(FindingMapping.subjectIs(report, record)).isTrue();
        }
        assertThat(FindingMapping.subjectIs(another, record)).isFalse();
        assertThat(FindingMapping.subjectIs(anotherMrn, record)).isFalse();
    }

    @Test
    void theSameReportGivesTheSameKeyAndAnotherConclusionAnother() {
        DiagnosticReport report = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-1");
        DiagnosticReport resent = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-1");
        DiagnosticReport corrected = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-1");
        corrected.getConclusionCode().clear();
        corrected.addConclusionCode(new CodeableConcept(new Coding(FhirCodes.ICD10CM, "M48.061", null)));
        DiagnosticReport another = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-2");

        String key = FindingMapping.map(report, EPISODE).finding().idempotencyKey();

        assertThat(FindingMapping.map(resent, EPISODE).finding().idempotencyKey())
                .isEqualTo(key);
        assertThat(FindingMapping.map(corrected, EPISODE).finding().idempotencyKey())
                .isNotEqualTo(key);
        assertThat(FindingMapping.map(another, EPISODE).finding().idempotencyKey())
                .isNotEqualTo(key);
        assertThat(key.length()).isLessThanOrEqualTo(200);
    }

    @Test
    void onlyAFinalReportWithASubjectBecomesAFinding() {
        DiagnosticReport preliminary = DiagnosticReports.herniatedDiscMri(EPISODE, "pt-1", "ACC-1")
                .setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY)
                .setSubject(null);

        FindingMapping.Result result = FindingMapping.map(preliminary, EPISODE);

        assertThat(result.problems())
                .extracting(FindingMapping.Problem::expression)
                .containsExactly("DiagnosticReport.status", "DiagnosticReport.subject");
    }
}
