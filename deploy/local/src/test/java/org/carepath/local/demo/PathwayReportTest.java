package org.carepath.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

class PathwayReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void showsTheDispositionAndEveryRuleThatFired() {
        String text = PathwayReport.render("1. Acute", "E-1", Snapshots.conservativeCare(), true);

        assertThat(text)
                .startsWith("=== 1. Acute  (episode E-1)\n")
                .contains("Triage        CONSERVATIVE_CARE  classification ACUTE  STarT Back LOW  (v1)")
                .contains("  rules       CL-ACUTE, CC-REST, CC-COLD")
                .contains("  red flags   none")
                .contains("  imaging     MRI (IM-MRI)")
                .contains("  procedures  63030 (SU-DISC)")
                .doesNotContain("still changing");
    }

    @Test
    void showsAppointmentsWithTypeSpecialtyAndStartInNewYorkTime() {
        String text = PathwayReport.render("1. Acute", "E-1", Snapshots.conservativeCare(), true);

        assertThat(text)
                .contains("Appointments\n  TYPE           SPECIALTY         START (America/New_York)")
                .containsPattern("PT_EVALUATION +PHYSICAL_THERAPY +Mon 2026-11-30 08:00 +NASSAU +BOOKED +97162");
    }

    @Test
    void showsFollowUpsWithKindDueTimeAndStatus() {
        String text = PathwayReport.render("1. Acute", "E-1", Snapshots.conservativeCare(), true);

        assertThat(text).containsPattern("ICE_TO_HEAT +Wed 2026-11-25 10:00 +PENDING +SMS");
    }

    @Test
    void showsTheEstimateTotalAndWhatThePatientPays() {
        String text = PathwayReport.render("1. Acute", "E-1", Snapshots.conservativeCare(), true);

        assertThat(text)
                .contains("Estimate      payer MEDICARE  total allowed 216.15  patient pays 0.00 USD")
                .contains("  rules       B-MCR, B-SUPP")
                .containsPattern("64647 +216.15 +172.92 +43.23 +0.00 +0.00");
    }

    @Test
    void saysWhatTheServicesHaveNotAnsweredYet() {
        String text = PathwayReport.render("2. Red flag", "E-2", Snapshots.justReported(), false);

        assertThat(text)
                .contains("[still changing when the demo stopped waiting]")
                .contains("Triage        (no decision yet)")
                .contains("Appointments  (none)")
                .contains("Follow-ups    (none)")
                .contains("Estimate      (none)");
    }

    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of("cents kept", "216.15", "216.15"),
                Arguments.of("whole number gets cents", "0", "0.00"),
                Arguments.of("half a cent rounds up", "0.125", "0.13"),
                Arguments.of("absent", null, "-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amounts")
    void showsMoneyWithTwoDecimals(String why, String json, String shown) {
        JsonNode amount = json == null ? MissingNode.getInstance() : JSON.readTree(json);

        assertThat(PathwayReport.money(amount)).isEqualTo(shown);
    }
}
