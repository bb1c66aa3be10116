package org.carepath.clinicview.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.carepath.clinicview.fhir.PublishedEpisodes.Published;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TopicPublisher;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FHIR read endpoints against the real broker and store: events published to the topics, read back as R4. */
class FhirIT extends RunningFhirFacade {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final FhirValidation VALIDATION = new FhirValidation(FHIR);
    private static TopicPublisher topics;

    @BeforeAll
    static void publisher() {
        topics = new TopicPublisher();
    }

    @AfterAll
    static void close() {
        topics.close();
    }

    @Test
    void theCapabilityStatementIsOpenAndValid() {
        HttpJson.Response metadata = fhirAnonymous().get("/metadata");

        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.contentType()).startsWith(FHIR_JSON);
        CapabilityStatement statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, metadata.body());
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(resource -> resource.getType())
                .containsExactly("EpisodeOfCare", "Appointment", "DiagnosticReport");
        assertThat(VALIDATION.errors(metadata.body())).isEmpty();
    }

    @Test
    void everythingOfAnEpisodeFromTheTopicsIsAValidSearchsetWithEveryResourceType() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());

        HttpJson.Response everything = fhir().get("/EpisodeOfCare/" + episode.episodeId() + "/$everything");

        assertThat(everything.status()).isEqualTo(200);
        assertThat(everything.contentType()).startsWith(FHIR_JSON);
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, everything.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        Set<String> types = new TreeSet<>();
        bundle.getEntry().forEach(entry -> types.add(entry.getResource().fhirType()));
        assertThat(types)
                .containsExactlyInAnyOrder(
                        "Patient",
                        "EpisodeOfCare",
                        "Condition",
                        "RiskAssessment",
                        "CarePlan",
                        "ServiceRequest",
                        "Appointment",
                        "CommunicationRequest",
                        "Claim");
        assertThat(VALIDATION.errors(everything.body())).isEmpty();
        assertThat(everything.body()).contains("predetermination", "http://www.ama-assn.org/go/cpt", "72148");
    }

    @Test
    void anEpisodeOfCareIsReadByIntegrationAndClinicianOnly() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        String path = "/EpisodeOfCare/" + episode.episodeId();

        HttpJson.Response read = fhir().get(path);

        assertThat(read.status()).isEqualTo(200);
        EpisodeOfCare resource = FHIR.newJsonParser().parseResource(EpisodeOfCare.class, read.body());
        assertThat(resource.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        assertThat(resource.getPatient().getReference()).isEqualTo("Patient/" + episode.patientId());
        assertThat(VALIDATION.errors(read.body())).isEmpty();
        assertThat(fhirAs("clinician").get(path).status()).isEqualTo(200);
        HttpJson.Response forbidden = fhirAs("staff").get(path);
        HttpJson.Response anonymous = fhirAnonymous().get(path);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(fhirAs("patient").get(path).status()).isIn(403, 404);
        assertThat(anonymous.status()).isEqualTo(401);
        for (HttpJson.Response refused : List.of(forbidden, anonymous)) {
            assertThat(refused.contentType()).startsWith(FHIR_JSON);
            assertThat(FHIR.newJsonParser()
                            .parseResource(OperationOutcome.class, refused.body())
                            .getIssue())
                    .isNotEmpty();
        }
    }

    @Test
    void anUnknownEpisodeIsA404OperationOutcome() {
        HttpJson.Response read = fhir().get("/EpisodeOfCare/no-such-episode");
        HttpJson.Response everything = fhir().get("/EpisodeOfCare/no-such-episode/$everything");

        for (HttpJson.Response response : List.of(read, everything)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith(FHIR_JSON);
            assertThat(FHIR.newJsonParser()
                            .parseResource(OperationOutcome.class, response.body())
                            .getIssueFirstRep()
                            .getCode())
                    .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        }
    }

    @Test
    void aResourceTypeNotServedIsA404OperationOutcome() {
        HttpJson.Response response = fhir().get("/Observation/123");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith(FHIR_JSON);
        assertThat(response.body()).contains("OperationOutcome");
    }

    @Test
    void activeEpisodesAreASearchsetPagedByCount() {
        Published first = PublishedEpisodes.chronicReferral(topics, fhir());
        Published second = PublishedEpisodes.chronicReferral(topics, fhir());

        List<String> found = new ArrayList<>();
        String next = "/EpisodeOfCare?status=active&date=eq2026-11-24&_count=1";
        int pages = 0;
        while (next != null && pages < 500) {
            HttpJson.Response page = fhir().get(next);
            assertThat(page.status()).isEqualTo(200);
            Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, page.body());
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
            assertThat(bundle.getEntry()).hasSizeLessThanOrEqualTo(1);
            if (pages == 0) {
                assertThat(bundle.getTotal()).isGreaterThanOrEqualTo(2);
                assertThat(VALIDATION.errors(page.body())).isEmpty();
            }
            bundle.getEntry()
                    .forEach(entry ->
                            found.add(entry.getResource().getIdElement().getIdPart()));
            next = bundle.getLink("next") == null
                    ? null
                    : relative(bundle.getLink("next").getUrl());
            pages++;
        }

        assertThat(found).contains(first.episodeId(), second.episodeId());
        assertThat(fhir().get("/EpisodeOfCare?status=finished&date=eq2026-11-24")
                        .body())
                .doesNotContain(first.episodeId());
    }

    @Test
    void appointmentsAreSearchedByDate() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());

        long auditedBefore = audited(episode.episodeId());
        HttpJson.Response found = fhir().get("/Appointment?date=ge2026-11-27&date=lt2026-11-28&_count=200");
        HttpJson.Response before = fhir().get("/Appointment?date=ge2026-11-26&date=lt2026-11-27");
        // a search is a read of every episode it answers with: one audit record each
        assertThat(audited(episode.episodeId())).isEqualTo(auditedBefore + 1);

        assertThat(found.status()).isEqualTo(200);
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, found.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry())
                .extracting(entry -> entry.getResource().getIdElement().getIdPart())
                .contains(FhirIds.of(episode.appointment().appointmentId()));
        assertThat(VALIDATION.errors(found.body())).isEmpty();
        assertThat(before.body())
                .doesNotContain(FhirIds.of(episode.appointment().appointmentId()));
        assertThat(fhir().get("/Appointment?date=ge2026-01-01&date=lt2026-12-31")
                        .status())
                .isEqualTo(400);
        assertThat(fhir().get("/Appointment?date=bogus").status()).isEqualTo(400);
    }

    private static String relative(String url) {
        return url.substring(url.indexOf("/fhir/r4") + "/fhir/r4".length());
    }
}
