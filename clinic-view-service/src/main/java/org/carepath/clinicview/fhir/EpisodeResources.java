package org.carepath.clinicview.fhir;

import static org.carepath.clinicview.fhir.FhirTime.dateTime;
import static org.carepath.clinicview.fhir.FhirTime.instant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.carepath.clinicview.episode.EpisodeStatus;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.StartBack;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.intake.Symptom;
import org.carepath.events.scheduling.FollowUpDue;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.FollowUpUpdated;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.CarePlanStep;
import org.carepath.events.triage.Consideration;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.ImagingRecommendation;
import org.carepath.events.triage.TriageDecided;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;

/**
 * An episode of the read model as FHIR R4 resources: what {@code $everything} returns. Plain Java: every
 * resource is built from the {@link EpisodeRecord} alone (and the time now, for the state of care-plan steps).
 *
 * <p>Ids: EpisodeOfCare, Condition, CarePlan, RiskAssessment and Claim carry the episode's id; Patient the
 * patient's pseudonymous id; Flags, ServiceRequests, Appointments and CommunicationRequests their own, derived
 * from the episode's and always the same for the same fact.
 */
public final class EpisodeResources {

    static final String CURRENCY = "USD";
    private static final String ORGANIZATION = "carepath-spine-clinic-group";
    private static final String ORGANIZATION_NAME = "Carepath spine clinic group";

    private EpisodeResources() {}

    /** The episode's resources, EpisodeOfCare first; empty if the episode is not known well enough to show. */
    public static List<Resource> everything(EpisodeRecord record, Instant now) {
        Optional<EpisodeOfCare> episode = episodeOfCare(record);
        if (episode.isEmpty()) {
            return List.of();
        }
        List<Resource> resources = new ArrayList<>();
        resources.add(episode.get());
        patient(record).ifPresent(resources::add);
        resources.add(condition(record));
        riskAssessment(record).ifPresent(resources::add);
        resources.addAll(flags(record));
        carePlan(record, now).ifPresent(resources::add);
        resources.addAll(serviceRequests(record));
        record.knownAppointments().stream()
                .map(AppointmentFacts::of)
                .map(facts -> appointment(facts, patientId(record).orElse(null), record))
                .forEach(resources::add);
        resources.addAll(communicationRequests(record));
        claim(record).ifPresent(resources::add);
        return resources;
    }

    /** The pseudonymous patient id as a FHIR id; empty when neither the report nor a decision named one. */
    public static Optional<String> patientId(EpisodeRecord record) {
        String id = null;
        if (record.report() != null && record.report().patientId() != null) {
            id = record.report().patientId();
        } else if (record.decision() != null
                && record.decision().episode() != null
                && record.decision().episode().patientId() != null) {
            id = record.decision().episode().patientId();
        } else if (record.report() != null && record.report().patient() != null) {
            id = "mrn-" + FhirIds.sha256(record.report().patient().mrn()).substring(0, 40);
        }
        return Optional.ofNullable(id).map(FhirIds::of);
    }

    public static Optional<EpisodeOfCare> episodeOfCare(EpisodeRecord record) {
        Optional<String> patientId = patientId(record);
        if (patientId.isEmpty()) {
            return Optional.empty();
        }
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.setId(FhirIds.of(record.episodeId()));
        episode.addIdentifier(identifier(FhirCodes.EPISODE_ID, record.episodeId()));
        EpisodeStatus status = EpisodeStatus.of(record);
        episode.setStatus(status(status));
        TriageDecided decision = record.decision();
        if (decision != null) {
            episode.addType(disposition(decision.disposition()));
        }
        episode.addDiagnosis()
                .setCondition(reference("Condition", record.episodeId()))
                .setRole(new CodeableConcept(new Coding(FhirCodes.DIAGNOSIS_ROLE, "CC", "Chief complaint")))
                .setRank(1);
        episode.setPatient(new Reference("Patient/" + patientId.get()));
        episode.setManagingOrganization(organization());
        Period period = new Period().setStartElement(dateTime(reportedAt(record)));
        if (status == EpisodeStatus.CLOSED) {
            period.setEndElement(dateTime(decision.decidedAt()));
        }
        episode.setPeriod(period);
        referral(record).ifPresent(referral -> episode.addReferralRequest(reference(referral)));
        return Optional.of(episode);
    }

    static EpisodeOfCare.EpisodeOfCareStatus status(EpisodeStatus status) {
        switch (status) {
            case AWAITING_TRIAGE:
                return EpisodeOfCare.EpisodeOfCareStatus.PLANNED;
            case CLOSED:
                return EpisodeOfCare.EpisodeOfCareStatus.FINISHED;
            default:
                return EpisodeOfCare.EpisodeOfCareStatus.ACTIVE;
        }
    }

    static Optional<Patient> patient(EpisodeRecord record) {
        Optional<String> patientId = patientId(record);
        if (patientId.isEmpty()) {
            return Optional.empty();
        }
        Patient patient = new Patient();
        patient.setId(patientId.get());
        String pseudonym = record.report() != null && record.report().patientId() != null
                ? record.report().patientId()
                : record.decision() != null && record.decision().episode() != null
                        ? record.decision().episode().patientId()
                        : null;
        if (pseudonym != null) {
            patient.addIdentifier(identifier(FhirCodes.PATIENT_ID, pseudonym));
        }
        EpisodeReported report = record.report();
        if (report != null && report.patient() != null) {
            var known = report.patient();
            if (known.mrn() != null) {
                patient.addIdentifier(identifier(FhirCodes.MRN, known.mrn())
                        .setType(new CodeableConcept(
                                new Coding(FhirCodes.IDENTIFIER_TYPE, "MR", "Medical record number"))));
            }
            if (known.name() != null && !known.name().isBlank()) {
                patient.addName(name(known.name()));
            }
            patient.setBirthDateElement(FhirTime.date(known.birthDate()));
            contact(patient, known.contact());
            if (known.region() != null) {
                patient.addAddress()
                        .setDistrict(title(known.region().name()))
                        .setState("NY")
                        .setCountry("US");
            }
        }
        return Optional.of(patient);
    }

    private static HumanName name(String full) {
        HumanName name = new HumanName().setText(full.strip());
        String[] parts = full.strip().split("\\s+");
        if (parts.length > 1) {
            name.setFamily(parts[parts.length - 1]);
            for (int i = 0; i < parts.length - 1; i++) {
                name.addGiven(parts[i]);
            }
        }
        return name;
    }

    private static void contact(Patient patient, Contact contact) {
        if (contact == null) {
            return;
        }
        if (contact.phone() != null && !contact.phone().isBlank()) {
            patient.addTelecom()
                    .setSystem(
                            contact.channel() != null
                                            && contact.channel().name().equals("SMS")
                                    ? ContactPoint.ContactPointSystem.SMS
                                    : ContactPoint.ContactPointSystem.PHONE)
                    .setValue(contact.phone())
                    .setUse(ContactPoint.ContactPointUse.MOBILE)
                    .setRank(
                            contact.channel() == null
                                            || contact.channel().name().equals("EMAIL")
                                    ? 2
                                    : 1);
        }
        if (contact.email() != null && !contact.email().isBlank()) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(contact.email())
                    .setRank(
                            contact.channel() != null
                                            && contact.channel().name().equals("EMAIL")
                                    ? 1
                                    : 2);
        }
    }

    static Condition condition(EpisodeRecord record) {
        Condition condition = new Condition();
        condition.setId(FhirIds.of(record.episodeId()));
        condition.addIdentifier(identifier(FhirCodes.EPISODE_ID, record.episodeId()));
        boolean closed = EpisodeStatus.of(record) == EpisodeStatus.CLOSED;
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                FhirCodes.CONDITION_CLINICAL, closed ? "resolved" : "active", closed ? "Resolved" : "Active")));
        condition.setVerificationStatus(
                new CodeableConcept(new Coding(FhirCodes.CONDITION_VERIFICATION, "provisional", "Provisional")));
        condition.addCategory(new CodeableConcept(
                new Coding(FhirCodes.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")));
        condition.setCode(new CodeableConcept(
                        new Coding(FhirCodes.ICD10CM, FhirCodes.ICD_BACK_SPASM, FhirCodes.ICD_BACK_SPASM_DISPLAY))
                .setText("Back muscle spasm"));
        patientId(record).ifPresent(id -> condition.setSubject(new Reference("Patient/" + id)));
        EpisodeReported report = record.report();
        if (report != null) {
            if (report.painLocation() != null) {
                condition.addBodySite(new CodeableConcept()
                        .setText(title(report.painLocation().name())));
            }
            if (report.onsetDate() != null) {
                condition.setOnset(FhirTime.day(report.onsetDate()));
            }
            condition.setRecordedDateElement(dateTime(report.reportedAt()));
            if (report.symptoms() != null && !report.symptoms().isEmpty()) {
                CodeableConcept symptoms = new CodeableConcept().setText("Reported symptoms");
                for (Symptom symptom : report.symptoms()) {
                    symptoms.addCoding(new Coding(FhirCodes.SYMPTOM, symptom.name(), title(symptom.name())));
                }
                condition.addEvidence().addCode(symptoms);
            }
            condition.addNote().setText("Pain score " + report.painScore() + "/10 (numeric rating scale) at report");
        }
        TriageDecided decision = record.decision();
        if (decision != null) {
            if (decision.classification() != null) {
                condition
                        .addStage()
                        .setSummary(new CodeableConcept(new Coding(
                                FhirCodes.CLASSIFICATION,
                                decision.classification().name(),
                                title(decision.classification().name()))));
            }
            if (decision.considerations() != null && !decision.considerations().isEmpty()) {
                CodeableConcept considered = new CodeableConcept().setText("Conditions to consider");
                for (Consideration consideration : decision.considerations()) {
                    considered.addCoding(
                            new Coding(FhirCodes.CONSIDERATION, consideration.name(), title(consideration.name())));
                }
                condition.addEvidence().addCode(considered);
            }
            if (closed) {
                condition.setAbatement(dateTime(decision.decidedAt()));
            }
        }
        for (FindingRecorded finding : record.findings()) {
            condition.addEvidence().addCode(structuralCause(finding.structuralCause()));
        }
        return condition;
    }

    /** A finding's structural cause: ICD-10-CM where one fits, always Carepath's code. */
    static CodeableConcept structuralCause(StructuralCause cause) {
        CodeableConcept concept = new CodeableConcept();
        if (cause == null) {
            return concept.setText("Finding without a structural cause");
        }
        switch (cause) {
            case HERNIATED_DISC:
                concept.addCoding(new Coding(
                        FhirCodes.ICD10CM, "M51.26", "Other intervertebral disc displacement, lumbar region"));
                break;
            case SPINAL_STENOSIS:
                concept.addCoding(new Coding(
                        FhirCodes.ICD10CM,
                        "M48.061",
                        "Spinal stenosis, lumbar region without neurogenic claudication"));
                break;
            case INSTABILITY:
                concept.addCoding(new Coding(FhirCodes.ICD10CM, "M53.2X6", "Spinal instabilities, lumbar region"));
                break;
            default:
                break;
        }
        concept.addCoding(new Coding(FhirCodes.STRUCTURAL_CAUSE, cause.name(), title(cause.name())));
        return concept.setText("Imaging finding: " + title(cause.name()).toLowerCase(Locale.ROOT));
    }

    static Optional<RiskAssessment> riskAssessment(EpisodeRecord record) {
        TriageDecided decision = record.decision();
        if (decision == null || decision.startBackRisk() == null) {
            return Optional.empty();
        }
        RiskAssessment risk = new RiskAssessment();
        risk.setId(FhirIds.of(record.episodeId()));
        risk.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        risk.setMethod(new CodeableConcept(new Coding(FhirCodes.RULE, "SB-" + decision.startBackRisk(), null))
                .setText("Keele STarT Back Screening Tool"));
        patientId(record).ifPresent(id -> risk.setSubject(new Reference("Patient/" + id)));
        risk.setOccurrence(dateTime(decision.decidedAt()));
        risk.setCondition(reference("Condition", record.episodeId()));
        String level;
        String display;
        switch (decision.startBackRisk()) {
            case HIGH:
                level = "high";
                display = "High likelihood";
                break;
            case MEDIUM:
                level = "moderate";
                display = "Moderate likelihood";
                break;
            default:
                level = "low";
                display = "Low likelihood";
                break;
        }
        risk.addPrediction()
                .setOutcome(new CodeableConcept().setText("Persistent disabling back pain (poor prognosis)"))
                .setQualitativeRisk(new CodeableConcept(new Coding(FhirCodes.RISK_PROBABILITY, level, display))
                        .addCoding(new Coding(
                                FhirCodes.START_BACK_RISK,
                                decision.startBackRisk().name(),
                                title(decision.startBackRisk().name()))));
        StartBack answers = record.report() == null ? null : record.report().startBack();
        if (answers != null) {
            risk.addNote()
                    .setText("STarT Back total score " + total(answers) + "/9, distress subscale " + subscale(answers)
                            + "/5");
        }
        risk.setMitigation(switch3(
                decision.startBackRisk().name(),
                "Self-management",
                "Physical therapy",
                "Psychologically informed physical therapy"));
        return Optional.of(risk);
    }

    private static String switch3(String risk, String low, String medium, String high) {
        return risk.equals("HIGH") ? high : risk.equals("MEDIUM") ? medium : low;
    }

    static int subscale(StartBack answers) {
        int score = 0;
        score += answers.notSafeToBeActive() ? 1 : 0;
        score += answers.worryingThoughts() ? 1 : 0;
        score += answers.terribleNeverBetter() ? 1 : 0;
        score += answers.notEnjoyed() ? 1 : 0;
        String bother =
                answers.bothersomeness() == null ? "" : answers.bothersomeness().name();
        score += bother.equals("VERY_MUCH") || bother.equals("EXTREMELY") ? 1 : 0;
        return score;
    }

    static int total(StartBack answers) {
        int score = subscale(answers);
        score += answers.legPain() ? 1 : 0;
        score += answers.shoulderNeckPain() ? 1 : 0;
        score += answers.walkedShortDistances() ? 1 : 0;
        score += answers.dressedSlowly() ? 1 : 0;
        return score;
    }

    static List<Flag> flags(EpisodeRecord record) {
        TriageDecided decision = record.decision();
        if (decision == null || decision.redFlags() == null) {
            return List.of();
        }
        List<Flag> flags = new ArrayList<>();
        for (String rule : decision.redFlags()) {
            Flag flag = new Flag();
            flag.setId(FhirIds.of(record.episodeId() + "-" + rule.toLowerCase(Locale.ROOT)));
            flag.setStatus(
                    decision.disposition() == Disposition.RECOVERED
                            ? Flag.FlagStatus.INACTIVE
                            : Flag.FlagStatus.ACTIVE);
            flag.addCategory(new CodeableConcept(new Coding(FhirCodes.FLAG_CATEGORY, "clinical", "Clinical")));
            String description = FhirCodes.RED_FLAGS.getOrDefault(rule, "Red flag");
            flag.setCode(new CodeableConcept(new Coding(FhirCodes.RULE, rule, description))
                    .setText("Red flag " + rule + ": " + description + " (go to the emergency room now)"));
            patientId(record).ifPresent(id -> flag.setSubject(new Reference("Patient/" + id)));
            flag.setPeriod(new Period().setStartElement(dateTime(decision.decidedAt())));
            flag.setAuthor(organization());
            flags.add(flag);
        }
        return flags;
    }

    static Optional<CarePlan> carePlan(EpisodeRecord record, Instant now) {
        TriageDecided decision = record.decision();
        if (decision == null) {
            return Optional.empty();
        }
        CarePlan plan = new CarePlan();
        plan.setId(FhirIds.of(record.episodeId()));
        plan.addIdentifier(identifier(FhirCodes.EPISODE_ID, record.episodeId()));
        boolean closed = decision.disposition() == Disposition.RECOVERED;
        plan.setStatus(closed ? CarePlan.CarePlanStatus.COMPLETED : CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addCategory(disposition(decision.disposition()));
        plan.setTitle("Back muscle spasm care pathway: "
                + title(decision.disposition().name()));
        plan.setDescription("Decision version " + decision.version() + "; rules " + String.join(", ", rules(decision))
                + ". Decision support: a clinician confirms.");
        patientId(record).ifPresent(id -> plan.setSubject(new Reference("Patient/" + id)));
        plan.setPeriod(new Period().setStartElement(dateTime(reportedAt(record))));
        plan.setCreatedElement(dateTime(decision.decidedAt()));
        plan.setAuthor(organization());
        plan.addAddresses(reference("Condition", record.episodeId()));
        if (decision.carePlan() != null) {
            for (CarePlanStep step : decision.carePlan()) {
                plan.addActivity().setDetail(activity(step, now, closed));
            }
        }
        for (ServiceRequest request : serviceRequests(record)) {
            plan.addActivity().setReference(reference(request));
        }
        for (var appointment : record.knownAppointments()) {
            plan.addActivity().setReference(new Reference("Appointment/" + FhirIds.of(appointment.appointmentId())));
        }
        if (decision.assumptions() != null) {
            decision.assumptions().forEach(assumption -> plan.addNote().setText("Assumed: " + assumption));
        }
        return Optional.of(plan);
    }

    private static CarePlan.CarePlanActivityDetailComponent activity(CarePlanStep step, Instant now, boolean closed) {
        CarePlan.CarePlanActivityDetailComponent detail = new CarePlan.CarePlanActivityDetailComponent();
        detail.setCode(new CodeableConcept(new Coding(FhirCodes.RULE, step.code(), null)).setText(step.instruction()));
        detail.setDescription(step.instruction());
        detail.setStatus(activityStatus(step, now, closed));
        Timing timing = new Timing();
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        Period bounds = new Period();
        if (step.from() != null) {
            bounds.setStartElement(dateTime(step.from()));
        }
        if (step.until() != null) {
            bounds.setEndElement(dateTime(step.until()));
        }
        if (step.from() != null || step.until() != null) {
            repeat.setBounds(bounds);
        }
        if ("CC-COLD".equals(step.code())) {
            // clinical-rules.md §7: ice 10–20 minutes, several times a day (chosen: 3–4 times).
            repeat.setDuration(10).setDurationMax(20).setDurationUnit(Timing.UnitsOfTime.MIN);
            repeat.setFrequency(3).setFrequencyMax(4).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
        }
        if (!repeat.isEmpty()) {
            detail.setScheduled(timing);
        }
        return detail;
    }

    private static CarePlan.CarePlanActivityStatus activityStatus(CarePlanStep step, Instant now, boolean closed) {
        if (step.until() != null && !now.isBefore(step.until())) {
            return CarePlan.CarePlanActivityStatus.COMPLETED;
        }
        if (closed) {
            return CarePlan.CarePlanActivityStatus.STOPPED;
        }
        if (step.from() != null && now.isBefore(step.from())) {
            return CarePlan.CarePlanActivityStatus.SCHEDULED;
        }
        return CarePlan.CarePlanActivityStatus.INPROGRESS;
    }

    static List<ServiceRequest> serviceRequests(EpisodeRecord record) {
        TriageDecided decision = record.decision();
        if (decision == null) {
            return List.of();
        }
        List<ServiceRequest> requests = new ArrayList<>();
        if (decision.imaging() != null) {
            for (ImagingRecommendation imaging : decision.imaging()) {
                requests.add(imaging(record, decision, imaging));
            }
        }
        referral(record).ifPresent(requests::add);
        if (decision.candidateProcedures() != null) {
            for (CandidateProcedure procedure : decision.candidateProcedures()) {
                requests.add(procedure(record, decision, procedure));
            }
        }
        return requests;
    }

    private static ServiceRequest imaging(EpisodeRecord record, TriageDecided decision, ImagingRecommendation imaging) {
        ServiceRequest request =
                request(record, decision, "imaging-" + imaging.modality().name());
        request.setIntent(ServiceRequest.ServiceRequestIntent.PLAN);
        request.addCategory(new CodeableConcept(new Coding(FhirCodes.SNOMED, "363679005", "Imaging")));
        request.setCode(imagingCode(imaging.modality().name()));
        request.addReasonCode(
                new CodeableConcept(new Coding(FhirCodes.RULE, imaging.rule(), null)).setText(imaging.reason()));
        request.setPriority(
                decision.disposition() == Disposition.EMERGENCY
                        ? ServiceRequest.ServiceRequestPriority.STAT
                        : ServiceRequest.ServiceRequestPriority.ROUTINE);
        return request;
    }

    static CodeableConcept imagingCode(String modality) {
        switch (modality) {
            case "MRI":
                return new CodeableConcept(new Coding(FhirCodes.CPT, "72148", null))
                        .addCoding(new Coding(FhirCodes.IMAGING_MODALITY, "MRI", "MRI"))
                        .setText("MRI of the lumbar spine");
            case "CT":
                return new CodeableConcept(new Coding(FhirCodes.CPT, "72131", null))
                        .addCoding(new Coding(FhirCodes.IMAGING_MODALITY, "CT", "CT"))
                        .setText("CT of the lumbar spine");
            default:
                return new CodeableConcept(new Coding(FhirCodes.CPT, "72100", null))
                        .addCoding(new Coding(FhirCodes.IMAGING_MODALITY, "XRAY", "X-ray"))
                        .setText("X-ray of the lumbar spine");
        }
    }

    /** The referral the disposition asks for: the emergency room, a spine specialist or a consult. */
    static Optional<ServiceRequest> referral(EpisodeRecord record) {
        TriageDecided decision = record.decision();
        if (decision == null
                || decision.disposition() == Disposition.CONSERVATIVE_CARE
                || decision.disposition() == Disposition.RECOVERED) {
            return Optional.empty();
        }
        ServiceRequest request = request(record, decision, "referral");
        request.setIntent(ServiceRequest.ServiceRequestIntent.PLAN);
        request.addCategory(new CodeableConcept(new Coding(FhirCodes.SNOMED, "3457005", "Patient referral")));
        request.setCode(disposition(decision.disposition()));
        String performer;
        ServiceRequest.ServiceRequestPriority priority = ServiceRequest.ServiceRequestPriority.ROUTINE;
        switch (decision.disposition()) {
            case EMERGENCY:
                performer = "Emergency department";
                priority = ServiceRequest.ServiceRequestPriority.STAT;
                break;
            case SURGICAL_CONSULT:
                performer = "Spine surgeon";
                break;
            case CHEMODENERVATION_CONSULT:
                performer = "Spine specialist (EMG-guided chemodenervation)";
                break;
            default:
                performer = rules(decision).contains("SP-3") ? "Spine surgeon" : "Orthopedic spine specialist";
                break;
        }
        if (rules(decision).contains("SP-5") || rules(decision).contains("ER-HOLD")) {
            priority = ServiceRequest.ServiceRequestPriority.URGENT;
            request.setOccurrence(new Period()
                    .setStartElement(dateTime(decision.decidedAt()))
                    .setEndElement(dateTime(decision.decidedAt().plus(Duration.ofDays(3)))));
        }
        request.setPerformerType(new CodeableConcept().setText(performer));
        request.setPriority(priority);
        for (String rule : rules(decision)) {
            if (!rule.startsWith("CC-")) {
                request.addReasonCode(new CodeableConcept(new Coding(FhirCodes.RULE, rule, null)));
            }
        }
        return Optional.of(request);
    }

    private static ServiceRequest procedure(
            EpisodeRecord record, TriageDecided decision, CandidateProcedure procedure) {
        ServiceRequest request = request(record, decision, "procedure-" + procedure.cpt());
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.addCategory(new CodeableConcept(new Coding(FhirCodes.SNOMED, "387713003", "Surgical procedure")));
        request.setCode(new CodeableConcept(new Coding(FhirCodes.CPT, procedure.cpt(), null))
                .setText(procedure.description() == null ? "CPT " + procedure.cpt() : procedure.description()));
        if (procedure.rule() != null) {
            request.addReasonCode(new CodeableConcept(new Coding(FhirCodes.RULE, procedure.rule(), null)));
        }
        if (procedure.condition() != null) {
            request.addNote().setText("Only " + procedure.condition());
        }
        request.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
        return request;
    }

    private static ServiceRequest request(EpisodeRecord record, TriageDecided decision, String suffix) {
        ServiceRequest request = new ServiceRequest();
        request.setId(serviceRequestId(record.episodeId(), suffix));
        request.setStatus(
                decision.disposition() == Disposition.RECOVERED
                        ? ServiceRequest.ServiceRequestStatus.COMPLETED
                        : ServiceRequest.ServiceRequestStatus.ACTIVE);
        patientId(record).ifPresent(id -> request.setSubject(new Reference("Patient/" + id)));
        request.setAuthoredOnElement(dateTime(decision.decidedAt()));
        request.addReasonReference(reference("Condition", record.episodeId()));
        request.setRequester(organization());
        request.addSupportingInfo(reference("EpisodeOfCare", record.episodeId()));
        return request;
    }

    /** {@code <episodeId>-<suffix>}: a DiagnosticReport's {@code basedOn} names the episode through it. */
    static String serviceRequestId(String episodeId, String suffix) {
        return FhirIds.of(episodeId + "-" + suffix.toLowerCase(Locale.ROOT));
    }

    /** An appointment; {@code record} (may be null) links it to the episode's requests. */
    static Appointment appointment(AppointmentFacts facts, String patientId, EpisodeRecord record) {
        Appointment appointment = new Appointment();
        appointment.setId(FhirIds.of(facts.appointmentId()));
        appointment.addIdentifier(identifier(FhirCodes.APPOINTMENT_ID, facts.appointmentId()));
        appointment.setStatus(
                facts.cancelled() ? Appointment.AppointmentStatus.CANCELLED : Appointment.AppointmentStatus.BOOKED);
        if (facts.cancelled()) {
            appointment.setCancelationReason(
                    new CodeableConcept().setText(facts.cancelReason() == null ? "Cancelled" : facts.cancelReason()));
        }
        if (facts.type() != null) {
            CodeableConcept service =
                    new CodeableConcept(new Coding(FhirCodes.APPOINTMENT_TYPE, facts.type(), title(facts.type())));
            if (facts.cpt() != null) {
                service.addCoding(new Coding(FhirCodes.CPT, facts.cpt(), null));
            }
            appointment.addServiceType(service.setText(title(facts.type())));
        }
        if (facts.specialty() != null) {
            appointment.addSpecialty(
                    new CodeableConcept(new Coding(FhirCodes.SPECIALTY, facts.specialty(), title(facts.specialty()))));
        }
        if (facts.start() != null && facts.end() != null) {
            appointment.setStartElement(instant(facts.start()));
            appointment.setEndElement(instant(facts.end()));
            appointment.setMinutesDuration(
                    (int) Duration.between(facts.start(), facts.end()).toMinutes());
        }
        appointment.addSupportingInformation(reference("EpisodeOfCare", facts.episodeId()));
        if (record != null) {
            appointment.addReasonReference(reference("Condition", facts.episodeId()));
            basedOn(record, facts).ifPresent(request -> appointment.addBasedOn(reference(request)));
        }
        if (patientId != null) {
            appointment
                    .addParticipant()
                    .setActor(new Reference("Patient/" + patientId))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        if (facts.providerId() != null) {
            appointment
                    .addParticipant()
                    .setActor(new Reference()
                            .setType("Practitioner")
                            .setIdentifier(identifier(FhirCodes.PROVIDER_ID, facts.providerId()))
                            .setDisplay(facts.providerId()))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        if (facts.siteId() != null) {
            appointment
                    .addParticipant()
                    .setActor(new Reference()
                            .setType("Location")
                            .setIdentifier(identifier(FhirCodes.SITE_ID, facts.siteId()))
                            .setDisplay(facts.siteId()
                                    + (facts.region() == null ? "" : " (" + title(facts.region()) + ")")))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        if (appointment.getParticipant().isEmpty()) {
            appointment
                    .addParticipant()
                    .setType(List.of(new CodeableConcept().setText("Patient")))
                    .setStatus(Appointment.ParticipationStatus.NEEDSACTION);
        }
        return appointment;
    }

    private static Optional<ServiceRequest> basedOn(EpisodeRecord record, AppointmentFacts facts) {
        String type = facts.type() == null ? "" : facts.type();
        List<ServiceRequest> requests = serviceRequests(record);
        String wanted;
        if (type.startsWith("IMAGING_")) {
            wanted = serviceRequestId(record.episodeId(), "imaging-" + type.substring("IMAGING_".length()));
        } else if (type.equals("SPECIALIST_VISIT") || type.endsWith("_CONSULT")) {
            wanted = serviceRequestId(record.episodeId(), "referral");
        } else {
            return Optional.empty();
        }
        return requests.stream()
                .filter(request -> request.getIdElement().getIdPart().equals(wanted))
                .findFirst();
    }

    static List<CommunicationRequest> communicationRequests(EpisodeRecord record) {
        Map<String, CommunicationRequest> requests = new LinkedHashMap<>();
        for (FollowUpDue due : record.followUps()) {
            requests.put(
                    due.followUpId(),
                    communication(
                            record,
                            due.followUpId(),
                            due.kind(),
                            due.dueAt(),
                            null,
                            null,
                            FollowUpState.SENT,
                            due.channel() == null ? null : due.channel().name(),
                            due.message()));
        }
        for (FollowUpUpdated state : record.followUpStates()) {
            String message = record.followUps().stream()
                    .filter(due -> due.followUpId().equals(state.followUpId()))
                    .map(FollowUpDue::message)
                    .findFirst()
                    .orElse(null);
            requests.put(
                    state.followUpId(),
                    communication(
                            record,
                            state.followUpId(),
                            state.kind(),
                            state.dueAt(),
                            state.rule(),
                            state.appointmentId(),
                            state.status(),
                            state.channel() == null ? null : state.channel().name(),
                            message));
        }
        return List.copyOf(requests.values());
    }

    private static CommunicationRequest communication(
            EpisodeRecord record,
            String followUpId,
            FollowUpKind kind,
            Instant dueAt,
            String rule,
            String appointmentId,
            FollowUpState state,
            String channel,
            String message) {
        CommunicationRequest request = new CommunicationRequest();
        request.setId(FhirIds.of(followUpId));
        request.addIdentifier(identifier(FhirCodes.FOLLOW_UP_ID, followUpId));
        request.setStatus(
                state == FollowUpState.PENDING
                        ? CommunicationRequest.CommunicationRequestStatus.ACTIVE
                        : state == FollowUpState.CANCELLED
                                ? CommunicationRequest.CommunicationRequestStatus.REVOKED
                                : CommunicationRequest.CommunicationRequestStatus.COMPLETED);
        if (kind != null) {
            request.addCategory(
                    new CodeableConcept(new Coding(FhirCodes.FOLLOW_UP_KIND, kind.name(), title(kind.name()))));
            request.setPriority(
                    kind == FollowUpKind.EMERGENCY_INSTRUCTION
                            ? CommunicationRequest.CommunicationPriority.STAT
                            : CommunicationRequest.CommunicationPriority.ROUTINE);
        }
        if (channel != null) {
            request.addMedium(new CodeableConcept(new Coding(FhirCodes.CONTACT_CHANNEL, channel, title(channel))));
        }
        patientId(record).ifPresent(id -> {
            request.setSubject(new Reference("Patient/" + id));
            request.addRecipient(new Reference("Patient/" + id));
        });
        request.setSender(organization());
        if (dueAt != null) {
            request.setOccurrence(dateTime(dueAt));
        }
        if (message != null && !message.isBlank()) {
            request.addPayload().setContent(new StringType(message));
        }
        if (rule != null) {
            request.addReasonCode(new CodeableConcept(new Coding(FhirCodes.RULE, rule, null)));
        }
        if (record.decision() != null) {
            request.addBasedOn(reference("CarePlan", record.episodeId()));
        }
        if (appointmentId != null
                && record.knownAppointments().stream()
                        .anyMatch(known -> known.appointmentId().equals(appointmentId))) {
            request.addAbout(new Reference("Appointment/" + FhirIds.of(appointmentId)));
        }
        return request;
    }

    /** The current estimate as a predetermination: its lines, each payer's share, and the totals. */
    static Optional<Claim> claim(EpisodeRecord record) {
        EstimateProduced estimate = record.estimate();
        Optional<String> patientId = patientId(record);
        if (estimate == null || patientId.isEmpty()) {
            return Optional.empty();
        }
        String currency = estimate.currency() == null ? CURRENCY : estimate.currency();
        Claim claim = new Claim();
        claim.setId(FhirIds.of(record.episodeId()));
        if (estimate.estimateId() != null) {
            claim.addIdentifier(identifier(FhirCodes.ESTIMATE_ID, estimate.estimateId()));
        }
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(new CodeableConcept(new Coding(FhirCodes.CLAIM_TYPE, "professional", "Professional")));
        claim.setUse(Claim.Use.PREDETERMINATION);
        claim.setPatient(new Reference("Patient/" + patientId.get()));
        claim.setCreatedElement(dateTime(estimate.producedAt()));
        claim.setProvider(organization());
        claim.setPriority(new CodeableConcept(new Coding(FhirCodes.PROCESS_PRIORITY, "normal", "Normal")));
        String payer = estimate.primaryPayer() == null
                ? "SELF_PAY"
                : estimate.primaryPayer().name();
        claim.addInsurance()
                .setSequence(1)
                .setFocal(true)
                .setCoverage(new Reference()
                        .setType("Coverage")
                        .setIdentifier(identifier(FhirCodes.PAYER, payer))
                        .setDisplay(title(payer)));
        Coverage coverage = record.report() != null
                ? record.report().coverage()
                : record.decision() != null && record.decision().episode() != null
                        ? record.decision().episode().coverage()
                        : null;
        if (coverage != null
                && coverage.supplemental() != null
                && coverage.supplemental().type() != null) {
            insurance(
                    claim,
                    "SUPPLEMENTAL-" + coverage.supplemental().type().name(),
                    "Supplemental: " + coverage.supplemental().type().name());
        }
        if (coverage != null
                && coverage.secondary() != null
                && coverage.secondary().type() != null) {
            insurance(
                    claim,
                    "SECONDARY-" + coverage.secondary().type().name(),
                    "Secondary: " + coverage.secondary().type().name());
        }
        claim.addDiagnosis()
                .setSequence(1)
                .setDiagnosis(new CodeableConcept(
                        new Coding(FhirCodes.ICD10CM, FhirCodes.ICD_BACK_SPASM, FhirCodes.ICD_BACK_SPASM_DISPLAY)));
        int sequence = 1;
        if (estimate.lines() != null) {
            for (EstimateLine line : estimate.lines()) {
                Claim.ItemComponent item = claim.addItem().setSequence(sequence++);
                item.addDiagnosisSequence(1);
                item.setProductOrService(
                        new CodeableConcept(new Coding(FhirCodes.CPT, line.cpt(), null)).setText(line.description()));
                if (line.units() > 0) {
                    item.setQuantity(new Quantity().setValue(line.units()));
                }
                if (line.serviceDate() != null) {
                    item.setServiced(FhirTime.date(ClinicDays.dateOf(line.serviceDate())));
                }
                if (line.priced() && line.allowed() != null) {
                    item.setNet(money(line.allowed(), currency));
                    if (line.units() > 0) {
                        item.setUnitPrice(money(
                                line.allowed().divide(BigDecimal.valueOf(line.units()), 2, RoundingMode.HALF_UP),
                                currency));
                    }
                    shares(
                            claim,
                            item,
                            line.deductibleApplied(),
                            line.primaryPays(),
                            line.supplementalPays(),
                            line.secondaryPays(),
                            line.patientPays(),
                            currency);
                } else {
                    Claim.SupportingInformationComponent unpriced = information(claim, "unpriced-reason", "Not priced");
                    unpriced.setValue(
                            new StringType(line.unpricedReason() == null ? "not priced" : line.unpricedReason()));
                    item.addInformationSequence(unpriced.getSequence());
                }
            }
        }
        EstimateTotals totals = estimate.totals();
        if (totals != null) {
            if (totals.allowed() != null) {
                claim.setTotal(money(totals.allowed(), currency));
            }
            shares(
                    claim,
                    null,
                    totals.deductibleApplied(),
                    totals.primaryPays(),
                    totals.supplementalPays(),
                    totals.secondaryPays(),
                    totals.patientPays(),
                    currency);
        }
        return Optional.of(claim);
    }

    private static void insurance(Claim claim, String payer, String display) {
        claim.addInsurance()
                .setSequence(claim.getInsurance().size() + 1)
                .setFocal(false)
                .setCoverage(new Reference()
                        .setType("Coverage")
                        .setIdentifier(identifier(FhirCodes.PAYER, payer))
                        .setDisplay(display));
    }

    /**
     * The payer split, as supporting information an item points at by sequence (a Claim has no adjudication):
     * one entry per share, code {@code <payer>-pays} (the estimate's totals: {@code total-<payer>-pays}), an amount
     * in ISO 4217 currency.
     */
    private static void shares(
            Claim claim,
            Claim.ItemComponent item,
            BigDecimal deductible,
            BigDecimal primary,
            BigDecimal supplemental,
            BigDecimal secondary,
            BigDecimal patient,
            String currency) {
        share(claim, item, "deductible-applied", "Deductible applied", deductible, currency);
        share(claim, item, "primary-pays", "Primary payer pays", primary, currency);
        share(claim, item, "supplemental-pays", "Supplemental payer pays", supplemental, currency);
        share(claim, item, "secondary-pays", "Secondary payer pays", secondary, currency);
        share(claim, item, "patient-pays", "Patient pays", patient, currency);
    }

    private static void share(
            Claim claim, Claim.ItemComponent item, String code, String display, BigDecimal amount, String currency) {
        if (amount == null) {
            return;
        }
        Claim.SupportingInformationComponent share =
                information(claim, item == null ? "total-" + code : code, item == null ? "Total: " + display : display);
        share.setValue(new Quantity()
                .setValue(amount.setScale(2, RoundingMode.HALF_UP))
                .setUnit(currency)
                .setSystem("urn:iso:std:iso:4217")
                .setCode(currency));
        if (item != null) {
            item.addInformationSequence(share.getSequence());
        }
    }

    private static Claim.SupportingInformationComponent information(Claim claim, String code, String display) {
        return claim.addSupportingInfo()
                .setSequence(claim.getSupportingInfo().size() + 1)
                .setCategory(new CodeableConcept(new Coding(FhirCodes.CLAIM_INFORMATION, "info", "Information")))
                .setCode(new CodeableConcept(new Coding(FhirCodes.ESTIMATE_SHARE, code, display)));
    }

    static Money money(BigDecimal amount, String currency) {
        return new Money()
                .setValue(amount.setScale(2, java.math.RoundingMode.HALF_UP))
                .setCurrency(currency);
    }

    static CodeableConcept disposition(Disposition disposition) {
        return new CodeableConcept(new Coding(FhirCodes.DISPOSITION, disposition.name(), title(disposition.name())))
                .setText(title(disposition.name()));
    }

    private static List<String> rules(TriageDecided decision) {
        return decision.rules() == null ? List.of() : decision.rules();
    }

    private static Instant reportedAt(EpisodeRecord record) {
        if (record.report() != null && record.report().reportedAt() != null) {
            return record.report().reportedAt();
        }
        return record.decision() == null ? null : record.decision().decidedAt();
    }

    static Identifier identifier(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    private static Reference reference(String type, String id) {
        return new Reference(type + "/" + FhirIds.of(id));
    }

    private static Reference reference(Resource resource) {
        return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }

    static Reference organization() {
        return new Reference()
                .setType("Organization")
                .setIdentifier(identifier(FhirCodes.ORGANIZATION_ID, ORGANIZATION))
                .setDisplay(ORGANIZATION_NAME);
    }

    /** {@code SURGICAL_CONSULT} → {@code Surgical consult}. */
    static String title(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
