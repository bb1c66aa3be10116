package org.carepath.clinicview.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers HAPI would write out in plain digits for seconds are refused before it reads them; ordinary ones pass. */
class NumberBoundsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @ParameterizedTest(name = "{0} beyond the bound: {1}")
    @CsvSource({
        "12, false",
        "-3.75, false",
        "1e1000, false",
        "1E+1000, false",
        "1e-1000, false",
        "2.5e0001000, false",
        "1e1001, true",
        "1e-1001, true",
        "1e100000000, true",
        "-7.1E+99999999999999999999, true",
    })
    void exponentsAreBounded(String number, boolean beyond) {
        assertThat(NumberBounds.exponentBeyondBound(number)).isEqualTo(beyond);
    }

    @Test
    void theFirstOutOfBoundsNumberIsNamedByItsPath() {
        String body = "{\"resourceType\":\"DiagnosticReport\",\"result\":[{\"value\":1.5},"
                + "{\"valueQuantity\":{\"value\":1e100000000}}]}";

        assertThat(NumberBounds.firstOutOfBounds(body, "DiagnosticReport"))
                .contains("DiagnosticReport.result[1].valueQuantity.value");
    }

    @Test
    void aBodyWithOrdinaryNumbersOrNotWellFormedIsLeftToHapi() {
        assertThat(NumberBounds.firstOutOfBounds("{\"a\":[1,2.5,3e10]}", "DiagnosticReport"))
                .isEmpty();
        assertThat(NumberBounds.firstOutOfBounds("{\"a\":[1e100000000", "DiagnosticReport"))
                .as("the huge number is read before the body turns out malformed")
                .contains("DiagnosticReport.a[0]");
        assertThat(NumberBounds.firstOutOfBounds("{\"a\": nope}", "DiagnosticReport"))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aDecimalReadFromXmlIsBoundedToo() {
        IBaseResource huge = FHIR.newXmlParser().parseResource(observation("1e100000000"));
        IBaseResource ordinary = FHIR.newXmlParser().parseResource(observation("4.5"));

        assertThat(NumberBounds.anyOutOfBounds(FHIR, huge)).isTrue();
        assertThat(NumberBounds.anyOutOfBounds(FHIR, ordinary)).isFalse();
    }

    private static String observation(String value) {
        return "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/>"
                + "<code><text value=\"pain\"/></code><valueQuantity><value value=\"" + value
                + "\"/></valueQuantity></Observation>";
    }
}
