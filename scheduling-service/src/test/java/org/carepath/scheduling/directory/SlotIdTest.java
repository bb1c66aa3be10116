package org.carepath.scheduling.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlotIdTest {

    @Test
    void writesProviderAndUtcStart() {
        SlotId id = new SlotId("ortho-queens-1", Instant.parse("2026-11-25T13:00:00Z"));

        assertThat(id.value()).isEqualTo("ortho-queens-1@2026-11-25T13:00:00Z");
    }

    @Test
    void parsesBackWhatItWrote() {
        SlotId id = new SlotId("mri-hospital-3", Instant.parse("2026-03-09T12:45:00Z"));

        assertThat(SlotId.parse(id.value())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ortho-queens-1", "@2026-11-25T13:00:00Z", "ortho-queens-1@", "ortho@tomorrow"})
    void rejectsWhatIsNotASlotId(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SlotId.parse(value))
                .withMessageContaining("slot id");
    }
}
