package org.carepath.billing.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.UUID;
import java.util.stream.Stream;
import org.carepath.billing.RunningBillingService;
import org.carepath.testing.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/estimates}: the worked examples of billing-rules.md §4 to the cent, and what is refused. */
class QuoteIT extends RunningBillingService {

    private static final String MEDICARE_MET = "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00}";

    static Stream<Arguments> workedExamples() {
        return Stream.of(
                arguments(
                        "E1 Medicare met + Medigap, car accident: 64647",
                        QuoteJson.of(
                                "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00,"
                                        + " \"supplemental\": {\"type\": \"MEDIGAP\", \"coversPartBDeductible\": false}}",
                                "CAR_ACCIDENT",
                                "64647"),
                        new Amounts("216.15", "0.00", "172.92", "43.23", "0.00", "0.00"),
                        "MEDICARE",
                        "[\"B-MCR\",\"B-SUPP\"]"),
                arguments(
                        "E2 Medicare only, deductible met: 63030",
                        QuoteJson.of(MEDICARE_MET, "LIFTING", "63030"),
                        new Amounts("1125.30", "0.00", "900.24", "0.00", "0.00", "225.06"),
                        "MEDICARE",
                        "[\"B-MCR\"]"),
                arguments(
                        "E3 Medicare only, 283.00 deductible remaining: 64646",
                        QuoteJson.of(
                                "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 283.00}",
                                "LIFTING",
                                "64646"),
                        new Amounts("193.45", "193.45", "0.00", "0.00", "0.00", "193.45"),
                        "MEDICARE",
                        "[\"B-MCR\"]"),
                arguments(
                        "E4 Medicare met + employer secondary, 250.00 deductible: 63047",
                        QuoteJson.of(
                                "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00, \"secondary\":"
                                        + " {\"type\": \"EMPLOYER\", \"deductibleRemaining\": 250.00, \"inNetwork\": true}}",
                                "TWISTING",
                                "63047"),
                        new Amounts("1358.80", "0.00", "1087.04", "0.00", "21.76", "250.00"),
                        "MEDICARE",
                        "[\"B-MCR\",\"B-SEC\"]"),
                arguments(
                        "E5 Workers' Comp claim, workplace injury: 22630",
                        QuoteJson.of(
                                "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00,"
                                        + " \"workersCompClaim\": \"WC-2026-0042\"}",
                                "WORKPLACE_INJURY",
                                "22630"),
                        new Amounts("1937.10", "0.00", "1937.10", "0.00", "0.00", "0.00"),
                        "WORKERS_COMP",
                        "[\"B-WC\"]"),
                arguments(
                        "E6 No-Fault with 200.00 deductible, car accident: 64647",
                        QuoteJson.of(
                                "{\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": 0.00,"
                                        + " \"noFault\": {\"claim\": \"NF-77\", \"deductibleRemaining\": 200.00}}",
                                "CAR_ACCIDENT",
                                "64647"),
                        new Amounts("216.15", "200.00", "16.15", "0.00", "0.00", "200.00"),
                        "NO_FAULT",
                        "[\"B-NF\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamples")
    void estimatesTheWorkedExampleToTheCent(
            String example, String body, Amounts expected, String primaryPayer, String rules) {
        HttpJson.Response response = billing().post("/api/v1/estimates", body);

        assertThat(response.status()).isEqualTo(200);
        JsonNode estimate = response.json();
        assertThat(estimate.get("lines")).hasSize(1);
        assertThat(Amounts.of(estimate.get("lines").get(0))).isEqualTo(expected);
        assertThat(Amounts.of(estimate.get("totals"))).isEqualTo(expected);
        assertThat(estimate.get("primaryPayer").asString()).isEqualTo(primaryPayer);
        assertThat(estimate.get("rules").toString()).isEqualTo(rules);
    }

    @Test
    void anAdHocEstimateHasNoEpisodeAndAnIdAndTimeOfItsOwn() {
        HttpJson.Response response =
                billing().post("/api/v1/estimates", QuoteJson.of(MEDICARE_MET, "LIFTING", "63030"));

        JsonNode estimate = response.json();
        assertThat(estimate.get("episodeId").isNull()).isTrue();
        assertThat(UUID.fromString(estimate.get("estimateId").asString())).isNotNull();
        assertThat(estimate.get("currency").asString()).isEqualTo("USD");
        assertThat(estimate.get("producedAt").asString()).endsWith("Z");
        assertThat(estimate.get("lines").get(0).get("source").asString()).isEqualTo("REQUESTED_SERVICE");
        assertThat(estimate.get("assumptions")).isNotEmpty();
    }

    @Test
    void moneyIsAJsonNumberWithTwoDecimals() {
        String body = billing()
                .post("/api/v1/estimates", QuoteJson.of(MEDICARE_MET, "LIFTING", "63030"))
                .body();

        assertThat(body).contains("\"primaryPays\":900.24").contains("\"supplementalPays\":0.00");
    }

    @Test
    void unitsMultiplyTheAllowedAmount() {
        String body = "{\"coverage\": " + MEDICARE_MET + ", \"services\": [{\"cpt\": \"97110\", \"units\": 2}]}";

        JsonNode line =
                billing().post("/api/v1/estimates", body).json().get("lines").get(0);

        assertThat(line.get("allowed").decimalValue()).isEqualByComparingTo("58.12");
    }

    @Test
    void anUnknownCptIsUnprocessableAndNamesTheService() {
        HttpJson.Response response =
                billing().post("/api/v1/estimates", QuoteJson.of(MEDICARE_MET, "LIFTING", "63030", "99999"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("field").asString()).isEqualTo("services[1].cpt");
        assertThat(problem.get("detail").asString()).contains("99999");
    }

    static Stream<Arguments> badRequests() {
        String services = "\"services\": [{\"cpt\": \"63030\", \"units\": 1}]";
        return Stream.of(
                arguments(
                        "unknown primary payer",
                        "{\"coverage\": {\"primary\": \"MEDICAID\"}, " + services + "}",
                        "coverage.primary"),
                arguments("missing primary payer", "{\"coverage\": {}, " + services + "}", "coverage.primary"),
                arguments(
                        "negative Part B deductible",
                        "{\"coverage\": {\"primary\": \"MEDICARE\", \"partBDeductibleRemaining\": -1.00}, " + services
                                + "}",
                        "coverage.partBDeductibleRemaining"),
                arguments(
                        "unknown supplemental type",
                        "{\"coverage\": {\"primary\": \"MEDICARE\", \"supplemental\": {\"type\": \"ACME\"}}, "
                                + services + "}",
                        "coverage.supplemental.type"),
                arguments(
                        "unknown trigger",
                        "{\"coverage\": " + MEDICARE_MET + ", \"triggers\": [\"SNEEZING\"], " + services + "}",
                        "triggers[0]"),
                arguments("missing coverage", "{" + services + "}", "coverage"),
                arguments("missing services", "{\"coverage\": " + MEDICARE_MET + "}", "services"),
                arguments("no services", "{\"coverage\": " + MEDICARE_MET + ", \"services\": []}", "services"),
                arguments(
                        "zero units",
                        "{\"coverage\": " + MEDICARE_MET + ", \"services\": [{\"cpt\": \"63030\", \"units\": 0}]}",
                        "services[0].units"),
                arguments(
                        "blank CPT",
                        "{\"coverage\": " + MEDICARE_MET + ", \"services\": [{\"cpt\": \" \"}]}",
                        "services[0].cpt"));
    }

    @ParameterizedTest(name = "{0} is 400 naming {2}")
    @MethodSource("badRequests")
    void aBadRequestIs400NamingTheField(String example, String body, String field) {
        HttpJson.Response response = billing().post("/api/v1/estimates", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
    }

    /** A line's (or the totals') amounts as written in billing-rules.md §4. */
    record Amounts(
            String allowed,
            String deductibleApplied,
            String primaryPays,
            String supplementalPays,
            String secondaryPays,
            String patientPays) {

        static Amounts of(JsonNode node) {
            return new Amounts(
                    cents(node, "allowed"),
                    cents(node, "deductibleApplied"),
                    cents(node, "primaryPays"),
                    cents(node, "supplementalPays"),
                    cents(node, "secondaryPays"),
                    cents(node, "patientPays"));
        }

        private static String cents(JsonNode node, String field) {
            return node.get(field).decimalValue().setScale(2).toPlainString();
        }
    }
}
