package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DecimalType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds a number whose exponent is beyond {@value #MAX_EXPONENT}: in a JSON body before HAPI reads it, in a
 * resource HAPI read from XML before it is written out again for the validator. HAPI keeps such a
 * number as a {@code BigDecimal} and writes it out in plain digits ({@code 1e100000000} is a hundred million
 * characters), so an 11-character number in a small POST cost seconds of CPU and a huge answer. No clinical value
 * comes near the bound; digits alone are bounded by the parser's own number length limit.
 */
final class NumberBounds {

    static final int MAX_EXPONENT = 1_000;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private NumberBounds() {}

    /**
     * Where the first out-of-bounds number is, as a FHIRPath-like expression from {@code root}. A body that is not
     * well-formed JSON is left to HAPI's parser, whose answer names what is malformed.
     */
    static Optional<String> firstOutOfBounds(String body, String root) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT && exponentBeyondBound(parser.getString())) {
                    return Optional.of(expression(
                            root, parser.streamReadContext().pathAsPointer().toString()));
                }
            }
        } catch (JacksonException notWellFormed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether a decimal of {@code resource} (read from XML, where numbers are attributes) is out of bounds. */
    static boolean anyOutOfBounds(FhirContext fhir, IBaseResource resource) {
        return fhir.newTerser().getAllPopulatedChildElementsOfType(resource, DecimalType.class).stream()
                .map(DecimalType::getValue)
                .anyMatch(value -> value != null && Math.abs((long) value.scale()) > MAX_EXPONENT);
    }

    static boolean exponentBeyondBound(String number) {
        int marker = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (marker < 0) {
            return false;
        }
        String digits = number.substring(marker + 1).replaceFirst("^[+-]", "").replaceFirst("^0+", "");
        return digits.length() > String.valueOf(MAX_EXPONENT).length() || Integer.parseInt("0" + digits) > MAX_EXPONENT;
    }

    private static String expression(String root, String pointer) {
        StringBuilder expression = new StringBuilder(root);
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            if (step.chars().allMatch(Character::isDigit)) {
                expression.append('[').append(step).append(']');
            } else {
                expression.append('.').append(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return expression.toString();
    }
}
