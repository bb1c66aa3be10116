package org.carepath.clinicview.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inbound validation in both modes: a hospital's valid report passes, an invalid one fails with messages. */
class FhirValidationTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final FhirValidation FULL = EpisodeResourcesValidationTest.VALIDATION;
    static final FhirValidation STRUCTURAL = new FhirValidation(FHIR, FhirValidation.Mode.STRUCTURAL);

    static Stream<Arguments> reports() {
        String valid = DiagnosticReports.json(DiagnosticReports.herniatedDiscMri("e-1", "pt-1", "ACC-1"));
        return Stream.of(FULL, STRUCTURAL)
                .flatMap(validation -> Stream.of(
                        Arguments.of(validation.mode(), validation, "a hospital's MRI report", valid, null),
                        Arguments.of(
                                validation.mode(),
                                validation,
                                "an unknown element",
                                valid.replace("\"status\":\"final\"", "\"status\":\"final\",\"madeUp\":true"),
                                "madeUp"),
                        Arguments.of(
                                validation.mode(),
                                validation,
                                "a status outside its value set",
                                valid.replace("\"status\":\"final\"", "\"status\":\"done\""),
                                "done"),
                        Arguments.of(
                                validation.mode(),
                                validation,
                                "no code",
                                "{\"resourceType\":\"DiagnosticReport\",\"status\":\"final\"}",
                                "code"),
                        Arguments.of(
                                validation.mode(),
                                validation,
                                "a malformed date",
                                valid.replace("2026-11-26T10:00:00Z", "26/11/2026"),
                                "26/11/2026")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("reports")
    void inboundResourcesAreValidated(
            FhirValidation.Mode mode, FhirValidation validation, String what, String json, String named) {
        List<String> errors = validation.errors(json).stream()
                .map(SingleValidationMessage::getMessage)
                .toList();

        if (named == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).isNotEmpty().anyMatch(message -> message.contains(named));
        }
    }

    @org.junit.jupiter.api.Test
    void theFullValidatorIsChosenOnlyForAHeapThatHoldsTheSpecification() {
        assertThat(FhirValidation.Mode.forHeap(256L * 1024 * 1024)).isEqualTo(FhirValidation.Mode.STRUCTURAL);
        assertThat(FhirValidation.Mode.forHeap(1024L * 1024 * 1024)).isEqualTo(FhirValidation.Mode.FULL);
    }
}
