package org.carepath.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BaselineDriverTest {

    @Test
    void messagesAreOneKilobyteAndCarryTheirKey() {
        byte[] message = BaselineDriver.message("7f1c1c2e-3b0e-4f8b-9d59-1a2b3c4d5e6f");

        assertThat(message).hasSize(1_024);
        assertThat(new String(message, StandardCharsets.UTF_8)).startsWith("{\"key\":\"7f1c1c2e-");
    }

    @Test
    void theFourRelaysLeadFromTheIngressToTheEstimateTopic() {
        assertThat(BaselineTopics.all()).first().isEqualTo(BaselineTopics.INGRESS);
        assertThat(BaselineTopics.all()).last().isEqualTo(BaselineTopics.ESTIMATED);
        assertThat(BaselineTopics.all()).hasSize(5);
        assertThat(BaselineTopics.hopByTopic()).hasSize(4).doesNotContainKey(BaselineTopics.INGRESS);
    }
}
