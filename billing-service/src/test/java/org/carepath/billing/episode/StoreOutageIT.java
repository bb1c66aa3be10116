package org.carepath.billing.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.carepath.events.Topics;
import org.carepath.testing.CuttableProxy;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TestTokens;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.carepath.testing.TopicRecorder.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MongoDB away for 20 seconds while decisions arrive: the consumer waits the outage out and prices every one of
 * them once the store is back; nothing goes to the dead letters. Its own wire server sits behind a proxy that
 * the test cuts; its own consumer group keeps the shared billing context out of it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=" + StoreOutageIT.GROUP)
class StoreOutageIT {

    static final String GROUP = "billing-outage-it";
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MongoServer store = new MongoServer(new MemoryBackend());
    private static final CuttableProxy proxy = new CuttableProxy(port(store.bindAndGetConnectionString()));
    private static TopicRecorder deadLetters;
    private static TopicPublisher triage;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String kafka = TestInfrastructure.get().kafkaBootstrapServers();
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> kafka);
        registry.add("spring.kafka.bootstrap-servers", () -> kafka);
        registry.add("carepath.security.issuer-uri", TestTokens.get()::issuer);
        registry.add("carepath.security.jwk-set-uri", TestTokens.get()::jwkSetUri);
        // short driver timeouts, so that each try during the outage fails fast and the back-off shows
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + proxy.port()
                        + "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000&socketTimeoutMS=3000");
    }

    @BeforeAll
    static void kafka() {
        deadLetters = TopicRecorder.record(Topics.TRIAGE_DECIDED.deadLetterTopic());
        triage = new TopicPublisher();
    }

    @AfterAll
    static void close() throws InterruptedException {
        triage.close();
        deadLetters.close();
        proxy.close();
        store.shutdownNow();
    }

    @Test
    void decisionsThatArriveWhileTheStoreIsAwayArePricedWhenItIsBackAndNoneIsDeadLettered() {
        // given: the service prices decisions
        String before = decide();
        awaitEstimate(before);

        // when: the store goes away while three decisions arrive, and stays away for 20 seconds
        proxy.cut();
        List<String> duringOutage = List.of(decide(), decide(), decide());
        await().pollDelay(Duration.ofSeconds(1))
                .during(OUTAGE)
                .atMost(OUTAGE.plusSeconds(10))
                .until(() -> ours(deadLetters.records()).isEmpty());
        proxy.restore();

        // then
        duringOutage.forEach(StoreOutageIT.this::awaitEstimate);
        assertThat(ours(deadLetters.records())).isEmpty();
    }

    private String decide() {
        String episodeId = UUID.randomUUID().toString();
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY));
        return episodeId;
    }

    private void awaitEstimate(String episodeId) {
        HttpJson billing = new HttpJson("http://127.0.0.1:" + port);
        await().atMost(PATIENCE)
                .until(() -> billing.get("/api/v1/episodes/" + episodeId + "/estimate")
                                .status()
                        == 200);
    }

    private static List<RecordedEvent> ours(List<RecordedEvent> records) {
        return records.stream()
                .filter(record -> GROUP.equals(record.header("x-consumer-group")))
                .toList();
    }

    private static int port(String connectionString) {
        return Integer.parseInt(connectionString.substring(connectionString.lastIndexOf(':') + 1));
    }
}
