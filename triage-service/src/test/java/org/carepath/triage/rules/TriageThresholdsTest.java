package org.carepath.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TriageThresholdsTest {

    @Test
    void defaultsToTheValuesTheClinicalRulesChose() {
        assertThat(TriageThresholds.defaults()).isEqualTo(new TriageThresholds(7, 14, 3, 21));
    }

    @Test
    void rejectsASeverePainScoreOffTheNumericRatingScale() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TriageThresholds(11, 14, 3, 21))
                .withMessageContaining("severePainScore");
    }

    @Test
    void rejectsNonPositiveDayAndEpisodeCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TriageThresholds(7, 0, 3, 21));
        assertThatIllegalArgumentException().isThrownBy(() -> new TriageThresholds(7, 14, 0, 21));
        assertThatIllegalArgumentException().isThrownBy(() -> new TriageThresholds(7, 14, 3, -1));
    }
}
