package org.carepath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.carepath.local.CarepathService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchOptionsTest {

    @Test
    void defaultsToTheServicesAndTheBaselineAtFiftyHundredAndTwoHundred() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.preload()).isZero();
        assertThat(options.rates()).containsExactly(50.0, 100.0, 200.0);
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.services()).isTrue();
        assertThat(options.baseline()).isTrue();
    }

    @Test
    void readsEveryOption() {
        BenchOptions options = BenchOptions.parse("--preload", "300", "--rates", "5, 10,12.5", "--step-seconds", "15");

        assertThat(options.preload()).isEqualTo(300);
        assertThat(options.rates()).containsExactly(5.0, 10.0, 12.5);
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void baselineOnlyLeavesTheServicesOut() {
        BenchOptions options = BenchOptions.parse("--baseline-only", "--rates", "100");

        assertThat(options.services()).isFalse();
        assertThat(options.baseline()).isTrue();
    }

    @Test
    void noBaselineLeavesTheBaselineOut() {
        BenchOptions options = BenchOptions.parse("--no-baseline");

        assertThat(options.services()).isTrue();
        assertThat(options.baseline()).isFalse();
    }

    @ParameterizedTest(name = "--rates {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "50,abc;--rates: 'abc' is not a number",
                "50,,100;--rates: '50,,100' has an empty entry",
                "0;--rates: 0 must be above 0",
                "-5;--rates: -5 must be above 0",
                "NaN;--rates: NaN must be above 0",
                "1e9;--rates: 1e9 must be above 0 and at most 20000"
            })
    void explainsABadRate(String rates, String message) {
        assertThatThrownBy(() -> BenchOptions.parse("--rates", rates))
                .isInstanceOf(BenchUsageException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void saysWhatABadRateShouldLookLike() {
        assertThatThrownBy(() -> BenchOptions.parse("--rates", "fast"))
                .hasMessage("--rates: 'fast' is not a number; give rates per second separated by commas, e.g."
                        + " 50,100,200");
    }

    @Test
    void wantsAValueAfterAnOption() {
        assertThatThrownBy(() -> BenchOptions.parse("--rates"))
                .isInstanceOf(BenchUsageException.class)
                .hasMessage("--rates needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--preload", "--no-baseline"))
                .hasMessage("--preload needs a value");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--preload, many, --preload: 'many' is not a whole number",
        "--preload, -1, --preload: -1 is outside 0..10000000",
        "--step-seconds, 0, --step-seconds: 0 is outside 1..3600",
        "--step-seconds, 1.5, --step-seconds: '1.5' is not a whole number"
    })
    void explainsABadNumber(String option, String value, String message) {
        assertThatThrownBy(() -> BenchOptions.parse(option, value)).hasMessage(message);
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "5")).hasMessage("unknown option '--rate'");
    }

    @Test
    void rejectsContradictions() {
        assertThatThrownBy(() -> BenchOptions.parse("--baseline-only", "--no-baseline"))
                .hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> BenchOptions.parse("--baseline-only", "--preload", "10"))
                .hasMessageContaining("--preload");
    }

    @Test
    void killsOneOfTheFiveServicesNamedByItsArtifact() {
        assertThat(BenchOptions.parse().kill()).isNull();
        assertThat(BenchOptions.parse("--kill-9", "scheduling-service").kill()).isEqualTo(CarepathService.SCHEDULING);
        assertThat(BenchOptions.parse("--kill-9", "clinic-view-service").kill()).isEqualTo(CarepathService.CLINIC_VIEW);
        assertThatThrownBy(() -> BenchOptions.parse("--kill-9", "authorization-server"))
                .hasMessageStartingWith("--kill-9: 'authorization-server' is not one of intake-service");
        assertThatThrownBy(() -> BenchOptions.parse("--kill-9", "scheduling"))
                .hasMessageStartingWith("--kill-9: 'scheduling' is not one of");
        assertThatThrownBy(() -> BenchOptions.parse("--baseline-only", "--kill-9", "intake-service"))
                .hasMessageContaining("--kill-9");
    }

    @Test
    void keepsTheRatesInTheOrderGiven() {
        assertThat(BenchOptions.parse("--rates", "200,50").rates()).isEqualTo(List.of(200.0, 50.0));
    }

    @Test
    void usageNamesEveryOption() {
        assertThat(BenchOptions.usage())
                .contains("--preload", "--rates", "--step-seconds", "--baseline-only", "--no-baseline", "--kill-9");
    }
}
