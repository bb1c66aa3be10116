package org.carepath.clinicview.fhir;

import java.time.Instant;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/** What this FHIR facade serves (CONTRACT.md "FHIR R4"), as a CapabilityStatement of kind instance. */
final class Capability {

    static final String EVERYTHING = FhirCodes.BASE + "/OperationDefinition/EpisodeOfCare-everything";

    private Capability() {}

    static CapabilityStatement statement(String base, Instant published) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId("carepath-clinic-view");
        statement.setUrl(base + "/metadata");
        statement.setName("CarepathClinicView");
        statement.setTitle("Carepath clinic-view FHIR R4 facade");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDateElement(FhirTime.dateTime(published));
        statement.setPublisher("Carepath");
        statement.setDescription("Episodes of back muscle spasm care as FHIR R4: the episode and everything in it, "
                + "the searches hospital systems need, and imaging results coming in as DiagnosticReports.");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("carepath clinic-view-service");
        statement
                .getImplementation()
                .setDescription("Carepath clinic-view-service")
                .setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.addFormat("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Every request but this one carries a bearer token (OAuth 2.0, audience carepath): "
                + "role integration or clinician to read, integration to post DiagnosticReports.");
        rest.getSecurity()
                .setCors(false)
                .addService(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("OAuth 2.0 bearer tokens (JWT) from the clinic's OpenID Connect provider.");

        CapabilityStatementRestResourceComponent episode = rest.addResource().setType("EpisodeOfCare");
        interaction(episode, TypeRestfulInteraction.READ);
        interaction(episode, TypeRestfulInteraction.SEARCHTYPE);
        episode.addSearchParam()
                .setName("status")
                .setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("planned (awaiting triage), active or finished (recovered)");
        episode.addSearchParam()
                .setName("date")
                .setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("when the episode was reported (ge, gt, le, lt, eq); at most 92 days; default the"
                        + " last 92");
        episode.addSearchParam()
                .setName("_count")
                .setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("page size, 1 to 200 (default 20)");
        episode.addOperation()
                .setName("everything")
                .setDefinition(EVERYTHING)
                .setDocumentation("GET EpisodeOfCare/{id}/$everything: Patient, EpisodeOfCare, Condition, "
                        + "RiskAssessment, Flag, CarePlan, ServiceRequest, Appointment, CommunicationRequest, Claim");

        CapabilityStatementRestResourceComponent appointment =
                rest.addResource().setType("Appointment");
        interaction(appointment, TypeRestfulInteraction.SEARCHTYPE);
        appointment
                .addSearchParam()
                .setName("date")
                .setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("the appointment's start, e.g. date=ge2026-12-01&date=lt2026-12-08; at most 92 days");
        appointment
                .addSearchParam()
                .setName("_count")
                .setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("page size, 1 to 200 (default 50)");

        CapabilityStatementRestResourceComponent report = rest.addResource().setType("DiagnosticReport");
        interaction(report, TypeRestfulInteraction.CREATE)
                .setDocumentation("An imaging result for an episode: subject = the patient, extension "
                        + FhirCodes.EXT_EPISODE + " or basedOn = the episode, conclusionCode = the structural cause"
                        + " (ICD-10-CM, SNOMED CT or " + FhirCodes.STRUCTURAL_CAUSE + ")");
        return statement;
    }

    private static ResourceInteractionComponent interaction(
            CapabilityStatementRestResourceComponent resource, TypeRestfulInteraction code) {
        return resource.addInteraction().setCode(code);
    }
}
