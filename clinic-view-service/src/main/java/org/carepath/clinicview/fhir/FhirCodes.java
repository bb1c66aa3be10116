package org.carepath.clinicview.fhir;

import java.util.Map;

/**
 * The code systems, identifier systems and extensions of Carepath's FHIR R4 facade. Standard systems where one
 * exists (CPT, ICD-10-CM, SNOMED CT, UCUM and HL7's own); Carepath's own codes (rule IDs, dispositions, kinds)
 * under {@value #BASE}.
 */
public final class FhirCodes {

    public static final String BASE = "https://carepath.org/fhir";

    public static final String RULE = BASE + "/CodeSystem/rule";
    public static final String DISPOSITION = BASE + "/CodeSystem/disposition";
    public static final String CLASSIFICATION = BASE + "/CodeSystem/classification";
    public static final String STRUCTURAL_CAUSE = BASE + "/CodeSystem/structural-cause";
    public static final String IMAGING_MODALITY = BASE + "/CodeSystem/imaging-modality";
    public static final String SYMPTOM = BASE + "/CodeSystem/symptom";
    public static final String CONSIDERATION = BASE + "/CodeSystem/consideration";
    public static final String APPOINTMENT_TYPE = BASE + "/CodeSystem/appointment-type";
    public static final String SPECIALTY = BASE + "/CodeSystem/specialty";
    public static final String FOLLOW_UP_KIND = BASE + "/CodeSystem/follow-up-kind";
    public static final String CONTACT_CHANNEL = BASE + "/CodeSystem/contact-channel";
    public static final String PAYER = BASE + "/CodeSystem/payer";
    public static final String START_BACK_RISK = BASE + "/CodeSystem/start-back-risk";
    /** Claim.supportingInfo codes of an estimate's payer split: primary-pays, patient-pays, ... */
    public static final String ESTIMATE_SHARE = BASE + "/CodeSystem/estimate-share";

    public static final String EPISODE_ID = BASE + "/sid/episode-id";
    public static final String MRN = BASE + "/sid/mrn";
    public static final String PATIENT_ID = BASE + "/sid/patient-id";
    public static final String APPOINTMENT_ID = BASE + "/sid/appointment-id";
    public static final String FOLLOW_UP_ID = BASE + "/sid/follow-up-id";
    public static final String ESTIMATE_ID = BASE + "/sid/estimate-id";
    public static final String FINDING_ID = BASE + "/sid/finding-id";
    public static final String PROVIDER_ID = BASE + "/sid/provider-id";
    public static final String SITE_ID = BASE + "/sid/site-id";
    public static final String ORGANIZATION_ID = BASE + "/sid/organization-id";

    /** On a DiagnosticReport: the episode it belongs to (valueReference EpisodeOfCare/{id} or valueIdentifier). */
    public static final String EXT_EPISODE = BASE + "/StructureDefinition/episode";
    /** On a DiagnosticReport: the number of spinal levels affected (valueInteger). */
    public static final String EXT_LEVELS = BASE + "/StructureDefinition/levels";
    /** On a DiagnosticReport: whether conservative care has failed (valueBoolean). */
    public static final String EXT_CONSERVATIVE_CARE_FAILED = BASE + "/StructureDefinition/conservative-care-failed";

    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String DIAGNOSIS_ROLE = "http://terminology.hl7.org/CodeSystem/diagnosis-role";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String CLAIM_INFORMATION = "http://terminology.hl7.org/CodeSystem/claiminformationcategory";
    static final String PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";

    /** The low back muscle spasm every episode is about. */
    static final String ICD_BACK_SPASM = "M62.830";

    static final String ICD_BACK_SPASM_DISPLAY = "Muscle spasm of back";

    /** What each red-flag rule stands for (clinical-rules.md §2). */
    static final Map<String, String> RED_FLAGS = Map.of(
            "ER-1", "Sudden loss of bladder or bowel control",
            "ER-2", "Severe pain after a fall or injury",
            "ER-3", "Fever, unexplained weight loss or night pain",
            "ER-4", "Numbness or weakness in the legs",
            "ER-5", "Saddle numbness (cauda equina sign)");

    private FhirCodes() {}
}
