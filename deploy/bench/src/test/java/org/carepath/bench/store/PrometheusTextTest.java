package org.carepath.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    // As a service's /actuator/prometheus shows it (labels abridged)
    static final String EXPOSITION = String.join(
            "\n",
            "# HELP mongodb_driver_commands_seconds Timer of mongodb commands",
            "# TYPE mongodb_driver_commands_seconds summary",
            "mongodb_driver_commands_seconds_count{cluster_id=\"6b0f\",collection=\"episodes\",command=\"find\","
                    + "database=\"carepath-intake\",status=\"SUCCESS\"} 74",
            "mongodb_driver_commands_seconds_sum{cluster_id=\"6b0f\",collection=\"episodes\",command=\"find\","
                    + "database=\"carepath-intake\",status=\"SUCCESS\"} 0.325884672",
            "mongodb_driver_commands_seconds_count{cluster_id=\"6b0f\",collection=\"outbox\",command=\"find\","
                    + "database=\"carepath-intake\",status=\"SUCCESS\"} 6",
            "mongodb_driver_commands_seconds_count{cluster_id=\"6b0f\",collection=\"episodes\",command=\"insert\","
                    + "database=\"carepath-intake\",status=\"SUCCESS\"} 300",
            "mongodb_driver_commands_seconds_count{cluster_id=\"6b0f\",collection=\"episodes\",command=\"update\","
                    + "database=\"carepath-intake\",status=\"FAILED\"} 2",
            "mongodb_driver_commands_seconds_count{cluster_id=\"6b0f\",collection=\"episodes\","
                    + "command=\"findAndModify\",database=\"carepath-intake\",status=\"SUCCESS\"} 1.0",
            "mongodb_driver_commands_seconds_count{cluster_id=\"6b0f\",collection=\"unknown\",command=\"ping\","
                    + "database=\"carepath-intake\",status=\"SUCCESS\"} 9",
            "mongodb_driver_commands_seconds_max{cluster_id=\"6b0f\",collection=\"episodes\",command=\"find\","
                    + "database=\"carepath-intake\",status=\"SUCCESS\"} 0.05",
            "mongodb_driver_pool_size{cluster_id=\"6b0f\",server_address=\"127.0.0.1:27017\"} 1.0");

    @Test
    void sumsEachCommandOverCollectionsAndOutcomes() {
        CommandCounts counts = PrometheusText.commandCounts(EXPOSITION).orElseThrow();

        assertThat(counts.count("find")).isEqualTo(80);
        assertThat(counts.count("insert")).isEqualTo(300);
        assertThat(counts.count("update")).isEqualTo(2);
        assertThat(counts.writes()).isEqualTo(303);
        assertThat(counts.reads()).isEqualTo(80);
    }

    @Test
    void leavesConnectionUpkeepOutOfTheOtherCommands() {
        CommandCounts counts = PrometheusText.commandCounts(EXPOSITION + "\n"
                        + "mongodb_driver_commands_seconds_count{collection=\"x\",command=\"aggregate\"} 4")
                .orElseThrow();

        assertThat(counts.others()).containsExactly(java.util.Map.entry("aggregate", 4.0));
    }

    @Test
    void saysSoWhenTheMetricIsMissing() {
        assertThat(PrometheusText.commandCounts("# HELP jvm_threads_live_threads\njvm_threads_live_threads 31.0"))
                .isEmpty();
    }
}
