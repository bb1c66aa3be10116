package org.carepath.clinicview.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.carepath.clinicview.SampleEvents;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.FigureCollections;
import org.carepath.events.Topics;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.Disposition;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TestTokens;
import org.carepath.testing.TopicPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code carepath.clinic-view.rebuild}: a model that went wrong is dropped at start-up and built again from the
 * events on the topics alone. Its own consumer group and database, so no other test's consumers share them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "carepath.clinic-view.rebuild=true",
            "spring.cloud.stream.default.group=clinic-view-rebuild-it",
            "spring.mongodb.database=clinic-view-rebuild-it"
        })
class ReadModelRebuildIT {

    private static final SampleEvents EPISODE =
            new SampleEvents(UUID.randomUUID().toString(), Instant.now(), Region.SUFFOLK);
    private static final String TODAY = ClinicDays.dateOf(Instant.now()).toString();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void eventsOnTheTopicsAndAWrongModelInTheStore() throws InterruptedException {
        try (TopicPublisher pathway = new TopicPublisher()) {
            pathway.publish(Topics.EPISODE_REPORTED, EPISODE.episodeId(), EPISODE.reported());
            pathway.publish(
                    Topics.TRIAGE_DECIDED, EPISODE.episodeId(), EPISODE.decided(1, Disposition.EMERGENCY, "ER-1"));
        }
        try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri())) {
            client.getDatabase("clinic-view-rebuild-it")
                    .getCollection(FigureCollections.DAYS)
                    .insertOne(new Document("_id", TODAY)
                            .append(
                                    "episodes",
                                    new Document(
                                            "ghost",
                                            new Document("episodeId", "ghost")
                                                    .append("reportedAt", Date.from(Instant.now()))
                                                    .append("status", "ACTIVE"))));
        }
    }

    @Test
    void theModelIsBuiltAgainFromTheLogAlone() {
        HttpJson clinicView =
                new HttpJson("http://127.0.0.1:" + port).as(TestTokens.get().forRole("clinician"));

        // both its events replayed: the report and the decision, which may come in either order; the figures are
        // written just before the episode's view (AggregateBatches.BeforeWrite), so wait for both
        await().atMost(Duration.ofSeconds(60))
                .until(() -> clinicView
                                .get("/api/v1/episodes?disposition=EMERGENCY&size=200")
                                .body()
                                .contains(EPISODE.episodeId())
                        && decided(mongo.findById(EPISODE.episodeId(), EpisodeView.class)));

        HttpJson.Response worklist = clinicView.get("/api/v1/episodes?size=200");
        assertThat(worklist.status()).isEqualTo(200);
        assertThat(worklist.body()).doesNotContain("ghost");
        assertThat(mongo.findById(EPISODE.episodeId(), EpisodeView.class)
                        .record()
                        .report())
                .isNotNull();
    }

    private static boolean decided(EpisodeView view) {
        return view != null
                && view.record().decision() != null
                && view.record().decision().disposition() == Disposition.EMERGENCY;
    }
}
