package org.carepath.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SyntheticReportsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SyntheticReports reports = new SyntheticReports(json, "20261201-120000", LocalDate.of(2026, 12, 1));

    @Test
    void carriesOnlySyntheticPatientData() {
        JsonNode patient = report(7).path("patient");

        assertThat(patient.path("name").asString()).isEqualTo("Bench Patient");
        assertThat(patient.path("contact").path("phone").asString()).matches("\\+1516555\\d{4}");
        assertThat(patient.path("mrn").asString()).isEqualTo("BENCH-20261201-120000-7");
    }

    @Test
    void everyReportIsReferredSoItIsBookedOrWaitlistedAndNeverAnEmergency() {
        LongStream.range(0, 60).mapToObj(this::report).forEach(report -> {
            assertThat(report.path("history")
                            .path("interferesWithDailyActivities")
                            .asBoolean())
                    .isTrue();
            assertThat(report.path("painScore").asInt()).isBetween(0, 7);
            assertThat(report.path("symptoms").toString()).doesNotContain("NUMBNESS", "WEAKNESS", "FEVER", "BLADDER");
            assertThat(report.path("triggers").toString()).doesNotContain("FALL", "CAR_ACCIDENT", "WORKPLACE");
        });
    }

    @Test
    void variesRegionPainAndCoverage() {
        Set<String> regions = distinct("patient", "region");
        Set<String> payers = distinct("coverage", "primary");
        Set<String> pain = LongStream.range(0, 60)
                .mapToObj(number -> report(number).path("painScore").asString())
                .collect(Collectors.toSet());

        assertThat(regions).hasSize(7);
        assertThat(payers).containsExactlyInAnyOrder("MEDICARE", "COMMERCIAL");
        assertThat(pain).hasSizeGreaterThan(3);
    }

    @Test
    void onsetIsAFewDaysBeforeToday() {
        LongStream.range(0, 10).forEach(number -> assertThat(
                        LocalDate.parse(report(number).path("onsetDate").asString()))
                .isBetween(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 30)));
    }

    private Set<String> distinct(String object, String field) {
        return LongStream.range(0, 60)
                .mapToObj(number -> report(number).path(object).path(field).asString())
                .collect(Collectors.toSet());
    }

    private JsonNode report(long number) {
        return json.readTree(reports.report(number));
    }
}
