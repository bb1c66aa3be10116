package org.carepath.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.carepath.billing.estimate.EstimateCalculator;
import org.carepath.billing.estimate.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fee schedule the service prices with: bundled or an operator's file, checked before the service starts. */
class FeeScheduleSettingsTest {

    private static final String HEADER = "cpt,description,allowed,setting,year,source\n";

    @TempDir
    Path directory;

    @Test
    void withoutAFilePricesWithTheScheduleBundledForTheYear() {
        EstimateCalculator calculator = new FeeScheduleSettings(2026, "", null).calculator();

        assertThat(calculator.year()).isEqualTo(2026);
        assertThat(allowed(calculator, "99204")).isEqualByComparingTo("177.36");
    }

    @Test
    void pricesWithAnOperatorsFileWhenOneIsGiven() throws IOException {
        Path file = write("locality.csv", HEADER + "99204,New patient visit,201.10,office,2026,CMS PFS Look-up\n");

        EstimateCalculator calculator = new FeeScheduleSettings(2026, file.toString(), null).calculator();

        assertThat(allowed(calculator, "99204")).isEqualByComparingTo("201.10");
    }

    @Test
    void aFileTheLoaderRefusesStopsTheStartUpWithTheLoadersReason() throws IOException {
        Path file = write("bad.csv", HEADER + "99204,New patient visit,201.1,office,2026,CMS\n");
        FeeScheduleSettings settings = new FeeScheduleSettings(2026, file.toString(), null);

        assertThatThrownBy(settings::calculator)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Fee schedule " + file + " cannot be used")
                .hasMessageContaining("bad.csv line 2, column 3 (allowed)")
                .hasMessageContaining("must have exactly two decimals");
    }

    @Test
    void aMissingFileStopsTheStartUpNamingIt() {
        Path missing = directory.resolve("missing.csv");

        assertThatThrownBy(() -> new FeeScheduleSettings(2026, missing.toString(), null).calculator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read fee schedule " + missing);
    }

    @Test
    void aFileOfAnotherYearThanConfiguredIsRefused() throws IOException {
        Path file = write("2027.csv", HEADER + "99204,New patient visit,181.00,office,2027,CMS\n");

        assertThatThrownBy(() -> new FeeScheduleSettings(2026, file.toString(), null).calculator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds the 2027 schedule, but carepath.billing.fee-schedule.year is 2026");
    }

    @Test
    void aYearWithNoBundledScheduleIsRefused() {
        assertThatThrownBy(() -> new FeeScheduleSettings(2031, null, null).calculator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no fee schedule for 2031");
    }

    @Test
    void aYearWithNoBundledPartBDeductibleNeedsItConfigured() throws IOException {
        Path file = write("2027.csv", HEADER + "99204,New patient visit,181.00,office,2027,CMS\n");

        assertThatThrownBy(() -> new FeeScheduleSettings(2027, file.toString(), null).calculator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Part B deductible on file for 2027")
                .hasMessageContaining("carepath.billing.fee-schedule.part-b-deductible");
        assertThat(new FeeScheduleSettings(2027, file.toString(), new BigDecimal("301.00"))
                        .calculator()
                        .year())
                .isEqualTo(2027);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static BigDecimal allowed(EstimateCalculator calculator, String cpt) {
        return calculator
                .quote(null, List.of(), List.of(ServiceRequest.requested(cpt, 1)))
                .lines()
                .get(0)
                .allowed();
    }
}
