package org.carepath.billing.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.sessions.JqwikSession;
import org.carepath.billing.RunningBillingService;
import org.carepath.testing.HttpJson;
import org.carepath.testing.JsonMutations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzing {@code POST /api/v1/estimates} with mutations of the worked examples' bodies ({@link JsonMutations}):
 * never a 5xx, every refusal problem details naming the field; money such as {@code 1e100000000} is refused at
 * once. Smaller than intake's RequestFuzzIT, to keep the build quick.
 */
class QuoteFuzzIT extends RunningBillingService {

    private static final int BODIES = 10_000;
    private static final long SEED = 20261203L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> VALID = List.of(
            QuoteJson.of(
                    "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00,"
                            + " \"supplemental\": {\"type\": \"MEDIGAP\", \"coversPartBDeductible\": false}}",
                    "CAR_ACCIDENT",
                    "64647"),
            QuoteJson.of(
                    "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 283.00}", "LIFTING", "64646", "99204"),
            QuoteJson.of(
                    "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00, \"secondary\":"
                            + " {\"type\": \"EMPLOYER\", \"deductibleRemaining\": 250.00, \"inNetwork\": true}}",
                    "TWISTING",
                    "63047"),
            QuoteJson.of(
                    "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00,"
                            + " \"workersCompClaim\": \"WC-2026-0042\"}",
                    "WORKPLACE_INJURY",
                    "22630"),
            QuoteJson.of(
                    "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00,"
                            + " \"noFault\": {\"claim\": \"NF-77\", \"deductibleRemaining\": 200.00}}",
                    "CAR_ACCIDENT",
                    "64647",
                    "63030"));

    HttpJson billing;

    @BeforeEach
    void client() {
        billing = billing();
        JqwikSession.start();
    }

    @AfterEach
    void endGenerators() {
        JqwikSession.finish();
    }

    @Test
    void theValidBodiesAreQuoted() {
        for (String body : VALID) {
            HttpJson.Response response = billing.post("/api/v1/estimates", body);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void quotes() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < BODIES; i++) {
            ObjectNode valid = (ObjectNode) JSON.readTree(VALID.get(i % VALID.size()));
            String body = JsonMutations.mutated(valid, random);
            HttpJson.Response response = billing.post("/api/v1/estimates", body);
            JsonMutations.assertClearAnswer(response, body);
            if (response.status() == 200) {
                accepted++;
            }
        }
        assertThat(accepted).isBetween(1, BODIES / 2);
    }
}
