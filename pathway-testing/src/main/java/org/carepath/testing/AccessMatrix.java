package org.carepath.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The authorization matrix of CONTRACT.md "Access", generated: every endpoint a service serves × every kind of
 * caller (no token, a patient on their own and on another patient's episode, each staff role), each asserted
 * against what the access table says that caller gets. A service test supplies the calls and the table's verdict.
 */
public final class AccessMatrix {

    /** Who calls. A patient calls about the episode of {@code ownMrn} or of someone else. */
    public enum Caller {
        NO_TOKEN(null),
        PATIENT_OWN("patient"),
        PATIENT_OTHER("patient"),
        CLINICIAN("clinician"),
        STAFF("staff"),
        INTEGRATION("integration"),
        OPERATIONS("operations"),
        ADMIN("admin");

        private final String role;

        Caller(String role) {
            this.role = role;
        }

        public String role() {
            return role;
        }

        public boolean isPatient() {
            return role != null && role.equals("patient");
        }
    }

    /** The answer the table gives: {@code 2xx}, or one of 401, 403, 404. */
    public enum Expected {
        SUCCESS,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND
    }

    /**
     * One call of an endpoint, about an episode.
     *
     * @param method the HTTP method
     * @param path the path of the table's row it exercises (for the verdict)
     * @param target the path to call for an episode, given {@code episodeId} and {@code appointmentId}
     * @param body the JSON body for POSTs (given the same ids), or {@code null}
     */
    public record Call(
            String method,
            String path,
            Function<Map<String, String>, String> target,
            Function<Map<String, String>, String> body) {

        public static Call get(String path, Function<Map<String, String>, String> target) {
            return new Call("GET", path, target, null);
        }

        public static Call post(
                String path, Function<Map<String, String>, String> target, Function<Map<String, String>, String> body) {
            return new Call("POST", path, target, body);
        }
    }

    /** The ids of an episode the call is about: the own patient's, and another patient's. */
    public record Episodes(Map<String, String> own, Map<String, String> other) {}

    public interface Verdicts {
        Expected of(Call call, Caller caller);
    }

    private AccessMatrix() {}

    public static Stream<DynamicTest> of(
            HttpJson service, String ownMrn, List<Call> calls, Episodes episodes, Verdicts verdicts) {
        TestTokens tokens = TestTokens.get();
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls) {
            for (Caller caller : Caller.values()) {
                Expected expected = verdicts.of(call, caller);
                Map<String, String> ids = caller == Caller.PATIENT_OTHER ? episodes.other() : episodes.own();
                HttpJson client =
                        switch (caller) {
                            case NO_TOKEN -> service.anonymous();
                            case PATIENT_OWN, PATIENT_OTHER -> service.as(tokens.patient(ownMrn));
                            default -> service.as(tokens.forRole(caller.role()));
                        };
                tests.add(DynamicTest.dynamicTest(
                        call.method() + " " + call.path() + " as " + caller + " → " + expected,
                        () -> assertAnswer(client, call, ids, expected)));
            }
        }
        return tests.stream();
    }

    /**
     * A token that is forged, expired, for another audience or no JWT at all is a 401 problem that does not echo it,
     * as is no token; the same GET with a good token of {@code role} is answered {@code 200}.
     */
    public static void assertBadTokensRefused(HttpJson service, String path, String role) {
        TestTokens tokens = TestTokens.get();
        for (String token : List.of(
                tokens.forged(role), tokens.expired(role), tokens.forAudience("another-api", role), "not-a-jwt")) {
            HttpJson.Response response = service.as(token).get(path);
            assertProblem(response, 401);
            assertThat(response.body()).doesNotContain(token);
        }
        assertProblem(service.anonymous().get(path), 401);
        HttpJson.Response allowed = service.as(tokens.forRole(role)).get(path);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
    }

    /**
     * N reads of an episode's data by {@code role} and one by a role refused leave exactly N + 1 new audit records
     * for the episode ({@code GET /api/v1/audit}, role admin), the refused one DENIED, none with {@code forbidden}
     * text (the patient data the episode holds).
     */
    public static void assertReadsAudited(
            HttpJson service, String path, String episodeId, String role, String refusedRole, String... forbidden) {
        TestTokens tokens = TestTokens.get();
        HttpJson admin = service.as(tokens.forRole("admin"));
        String audit = "/api/v1/audit?episodeId=" + episodeId;
        long before = admin.get(audit).json().get("total").asLong();
        int reads = 5;
        for (int i = 0; i < reads; i++) {
            HttpJson.Response read = service.as(tokens.forRole(role)).get(path);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
        }
        assertThat(service.as(tokens.forRole(refusedRole)).get(path).status()).isEqualTo(403);

        HttpJson.Response after = admin.get(audit);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("total").asLong()).isEqualTo(before + reads + 1);
        assertThat(after.body()).contains("DENIED");
        for (String text : forbidden) {
            assertThat(after.body()).doesNotContain(text);
        }
    }

    private static void assertAnswer(HttpJson client, Call call, Map<String, String> ids, Expected expected) {
        String target = call.target().apply(ids);
        HttpJson.Response response = call.method().equals("GET")
                ? client.get(target)
                : client.post(target, call.body() == null ? "{}" : call.body().apply(ids));
        switch (expected) {
            case SUCCESS ->
                assertThat(response.status())
                        .as("%s %s: %s", call.method(), target, response.body())
                        .isBetween(200, 299);
            case UNAUTHORIZED -> assertProblem(response, 401);
            case FORBIDDEN -> assertProblem(response, 403);
            case NOT_FOUND -> assertProblem(response, 404);
        }
    }

    private static void assertProblem(HttpJson.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
