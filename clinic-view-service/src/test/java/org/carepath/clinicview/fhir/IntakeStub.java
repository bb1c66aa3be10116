package org.carepath.clinicview.fhir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake's findings endpoint as a real HTTP server, for the one outbound dependency of the FHIR facade: it keeps
 * intake's idempotency contract (one finding per {@code Idempotency-Key}) and can be down (503), lose its answer
 * after recording (the retry case), or know no episode. The broker and the store stay real.
 */
final class IntakeStub {

    enum Mode {
        UP,
        DOWN,
        /** records the finding, then answers 503 once: the answer was lost */
        LOSE_NEXT_ANSWER
    }

    record Call(String episodeId, String idempotencyKey, String authorization, String body) {}

    private static final IntakeStub INSTANCE = new IntakeStub();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> findingsByKey = new ConcurrentHashMap<>();
    private final Set<String> unknownEpisodes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Mode mode = Mode.UP;

    private IntakeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/episodes/", this::handle);
        server.start();
    }

    static IntakeStub get() {
        return INSTANCE;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode next) {
        mode = next;
    }

    void unknownEpisode(String episodeId) {
        unknownEpisodes.add(episodeId);
    }

    List<Call> callsFor(String episodeId) {
        return calls.stream().filter(call -> call.episodeId().equals(episodeId)).toList();
    }

    /** Findings recorded for the episode: one per distinct key. */
    long findingsRecordedFor(String episodeId) {
        return callsFor(episodeId).stream()
                .map(Call::idempotencyKey)
                .filter(findingsByKey::containsKey)
                .distinct()
                .count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        // /api/v1/episodes/{id}/findings
        if (parts.length != 6 || !"findings".equals(parts[5]) || !"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 404, "{\"detail\":\"no such endpoint\"}");
            return;
        }
        String episodeId = parts[4];
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        calls.add(new Call(episodeId, key, exchange.getRequestHeaders().getFirst("Authorization"), body));
        Mode current = mode;
        if (current == Mode.DOWN) {
            answer(exchange, 503, "{\"detail\":\"down\"}");
            return;
        }
        if (unknownEpisodes.contains(episodeId)) {
            answer(exchange, 404, "{\"detail\":\"Episode " + episodeId + " not found\"}");
            return;
        }
        String findingId = findingsByKey.computeIfAbsent(
                key == null ? "none-" + ids.incrementAndGet() : key, ignored -> "finding-" + ids.incrementAndGet());
        if (current == Mode.LOSE_NEXT_ANSWER) {
            mode = Mode.UP;
            answer(exchange, 503, "{\"detail\":\"answer lost\"}");
            return;
        }
        answer(
                exchange,
                202,
                "{\"episodeId\":\"" + episodeId + "\",\"findingId\":\"" + findingId + "\",\"status\":\"RECORDED\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
