package org.carepath.billing.quote;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Object Mother: bodies of {@code POST /api/v1/estimates}, one unit of each service. */
final class QuoteJson {

    private QuoteJson() {}

    static String of(String coverageJson, String trigger, String... cpts) {
        String services = Arrays.stream(cpts)
                .map(cpt -> "{\"cpt\": \"" + cpt + "\", \"units\": 1}")
                .collect(Collectors.joining(", "));
        return "{\"coverage\": " + coverageJson + ", \"triggers\": [\"" + trigger + "\"], \"services\": [" + services
                + "]}";
    }
}
