package org.carepath.clinicview.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource type served, for a sample episode of every disposition, validated by HAPI's validator against
 * base R4: zero errors. One row per episode; each resource alone, then the whole {@code $everything} Bundle.
 */
class EpisodeResourcesValidationTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final FhirValidation VALIDATION = new FhirValidation(FHIR);
    static final String BASE = "http://127.0.0.1:8085/fhir/r4";

    static Stream<Arguments> episodes() {
        return Stream.of(
                Arguments.of(
                        "CONSERVATIVE_CARE",
                        Episodes.conservativeCare(),
                        Set.of(
                                "Patient",
                                "EpisodeOfCare",
                                "Condition",
                                "RiskAssessment",
                                "CarePlan",
                                "CommunicationRequest")),
                Arguments.of(
                        "EMERGENCY",
                        Episodes.emergency(),
                        Set.of(
                                "Patient",
                                "EpisodeOfCare",
                                "Condition",
                                "Flag",
                                "CarePlan",
                                "ServiceRequest",
                                "CommunicationRequest")),
                Arguments.of(
                        "SPECIALIST_REFERRAL",
                        Episodes.specialistReferral(),
                        Set.of(
                                "Patient",
                                "EpisodeOfCare",
                                "Condition",
                                "RiskAssessment",
                                "CarePlan",
                                "ServiceRequest",
                                "Appointment",
                                "CommunicationRequest",
                                "Claim")),
                Arguments.of(
                        "SURGICAL_CONSULT",
                        Episodes.surgicalConsult(),
                        Set.of(
                                "Patient",
                                "EpisodeOfCare",
                                "Condition",
                                "RiskAssessment",
                                "CarePlan",
                                "ServiceRequest",
                                "Appointment",
                                "Claim")),
                Arguments.of(
                        "CHEMODENERVATION_CONSULT",
                        Episodes.chemodenervationConsult(),
                        Set.of("Patient", "EpisodeOfCare", "Condition", "CarePlan", "ServiceRequest", "Claim")),
                Arguments.of(
                        "RECOVERED",
                        Episodes.recovered(),
                        Set.of(
                                "Patient",
                                "EpisodeOfCare",
                                "Condition",
                                "RiskAssessment",
                                "CarePlan",
                                "CommunicationRequest")),
                Arguments.of(
                        "awaiting triage", Episodes.awaitingTriage(), Set.of("Patient", "EpisodeOfCare", "Condition")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("episodes")
    void everyResourceOfTheEpisodeValidatesAgainstBaseR4(String disposition, EpisodeRecord record, Set<String> types) {
        List<Resource> resources = EpisodeResources.everything(record, Episodes.NOW);

        Set<String> served = resources.stream().map(Resource::fhirType).collect(Collectors.toCollection(TreeSet::new));
        assertThat(served).containsExactlyInAnyOrderElementsOf(types);
        for (Resource resource : resources) {
            assertThat(errors(resource))
                    .as(resource.fhirType() + " of " + disposition)
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("episodes")
    void theEverythingBundleValidatesAgainstBaseR4(String disposition, EpisodeRecord record, Set<String> types) {
        Bundle bundle = FhirBundles.everything(
                BASE,
                BASE + "/EpisodeOfCare/" + record.episodeId() + "/$everything",
                EpisodeResources.everything(record, Episodes.NOW),
                Episodes.NOW);

        assertThat(errors(bundle)).as(disposition).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("episodes")
    void servedResourcesCarryNoExtensionAnotherValidatorWouldNotKnow(
            String disposition, EpisodeRecord record, Set<String> types) {
        for (Resource resource : EpisodeResources.everything(record, Episodes.NOW)) {
            assertThat(FHIR.newJsonParser().encodeResourceToString(resource))
                    .as(resource.fhirType())
                    .doesNotContain("\"extension\"");
        }
    }

    @Test
    void theValidatorRejectsAnInvalidResource() {
        String invalid = "{\"resourceType\":\"DiagnosticReport\",\"status\":\"bogus\",\"unknownField\":1}";

        assertThat(VALIDATION.errors(invalid)).isNotEmpty();
    }

    @Test
    void theCapabilityStatementValidatesAgainstBaseR4() {
        assertThat(errors(Capability.statement(BASE, Episodes.NOW))).isEmpty();
    }

    @Test
    void aSearchPageValidatesAgainstBaseR4() {
        EpisodeRecord record = Episodes.specialistReferral();
        List<Resource> matches = List.of(
                EpisodeResources.episodeOfCare(record).orElseThrow(),
                EpisodeResources.episodeOfCare(Episodes.surgicalConsult()).orElseThrow());
        Bundle page = FhirBundles.page(
                BASE,
                matches,
                List.of(),
                5,
                2,
                2,
                at -> BASE + "/EpisodeOfCare?status=active&_offset=" + at + "&_count=2",
                Episodes.NOW);

        assertThat(errors(page)).isEmpty();
        List<String> relations = page.getLink().stream()
                .map(Bundle.BundleLinkComponent::getRelation)
                .toList();
        assertThat(relations).contains("self", "next", "previous", "first");
    }

    static List<String> errors(Resource resource) {
        // Through JSON, as a client sees it.
        String json = FHIR.newJsonParser().encodeResourceToString(resource);
        return VALIDATION.errors(json).stream()
                .map(EpisodeResourcesValidationTest::describe)
                .toList();
    }

    static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
