package org.carepath.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-11-24T15:00:00Z");
    private static final Duration TRIAGE_TAKES = Duration.ofSeconds(2);

    private final TestClock clock = new TestClock(START);
    private final List<JsonNode> reported = new CopyOnWriteArrayList<>();
    private final AtomicInteger episodes = new AtomicInteger();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private volatile boolean triageEverAnswers = true;
    private HttpServer services;

    /** One stub answering for all four services: intake refuses the red-flag sample, triage takes 2 s. */
    @BeforeEach
    void startTheServices() throws IOException {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext("/api/v1/episodes", this::answer);
        services.start();
    }

    @AfterEach
    void stopTheServices() {
        services.stop(0);
    }

    @Test
    void sendsEachSampleWithAnOnsetDateCountedFromTodayAndPrintsEachPathway() {
        demo(duration -> {
                    clock.advance(duration);
                    return true;
                })
                .run(DemoEpisodes.load(JSON));

        assertThat(reported).hasSize(DemoEpisodes.FILES.size());
        assertThat(reported).allSatisfy(body -> assertThat(body.has("title") || body.has("onsetDaysAgo"))
                .isFalse());
        assertThat(reported.get(0).path("onsetDate").asString())
                .isEqualTo(LocalDate.of(2026, 11, 23).toString());
        assertThat(printed())
                .contains("NOT sent Red flag: sudden loss of bladder and bowel control, commercial plan: intake"
                        + " answered 400")
                .contains("=== 1. Acute spasm after lifting, Medicare + Medigap  (episode E-1)")
                .contains("=== 4. Workplace lifting injury with a Workers' Compensation claim  (episode E-4)")
                .contains("Triage        CONSERVATIVE_CARE")
                .doesNotContain("still changing")
                .endsWith("DEMO done\n");
    }

    @Test
    void givesUpAfterABoundedWaitAndSaysWhatWasStillMissing() {
        triageEverAnswers = false;

        demo(duration -> {
                    clock.advance(duration);
                    return true;
                })
                .run(DemoEpisodes.load(JSON).subList(0, 1));

        assertThat(printed())
                .contains("waiting for the pathways to settle: 0/1")
                .contains("Triage        (no decision yet)\n")
                .contains("[still changing when the demo stopped waiting]")
                .containsPattern("DEMO done; some pathways were still changing after 12\\d s\n$");
    }

    @Test
    void stopsWaitingAsSoonAsTheStackStops() {
        demo(duration -> false).run(DemoEpisodes.load(JSON).subList(0, 1));

        assertThat(printed()).contains("[still changing when the demo stopped waiting]");
        assertThat(clock.instant()).isEqualTo(START);
    }

    private Demo demo(Demo.Pause pause) {
        URI stub = URI.create("http://127.0.0.1:" + services.getAddress().getPort());
        PathwayClient client = new PathwayClient(JSON, role -> "token-of-" + role, stub, stub, stub, stub);
        return new Demo(client, clock, pause, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String expectedToken = exchange.getRequestMethod().equals("POST") ? "token-of-staff" : "token-of-clinician";
        if (!("Bearer " + expectedToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"title\": \"Unauthorized\"}");
            return;
        }
        if (exchange.getRequestMethod().equals("POST")) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            reported.add(body);
            String episodeId = "E-" + episodes.incrementAndGet();
            if (body.path("symptoms").toString().contains("BLADDER_BOWEL_LOSS")) {
                respond(exchange, 400, "{\"title\": \"Bad Request\", \"detail\": \"symptoms: not accepted\"}");
            } else {
                respond(exchange, 202, "{\"episodeId\": \"" + episodeId + "\", \"status\": \"REPORTED\"}");
            }
            return;
        }
        PathwaySnapshot pathway = Snapshots.conservativeCare();
        boolean triaged = triageEverAnswers && !clock.instant().isBefore(START.plus(TRIAGE_TAKES));
        if (!triaged) {
            respond(exchange, 404, "");
        } else if (path.endsWith("/triage")) {
            respond(exchange, 200, pathway.triage().toString());
        } else if (path.endsWith("/appointments")) {
            respond(exchange, 200, pathway.appointments().toString());
        } else if (path.endsWith("/follow-ups")) {
            respond(exchange, 200, pathway.followUps().toString());
        } else {
            respond(exchange, 200, pathway.estimate().toString());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
