package org.carepath.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettlingTest {

    private record Seen(int atSecond, PathwaySnapshot snapshot) {}

    static Stream<Arguments> pathways() {
        return Stream.of(
                row("no triage decision yet, however long", false, 60, seen(0, Snapshots.justReported())),
                row("estimate in, quiet for 3 s", true, 3, seen(0, Snapshots.conservativeCare())),
                row("estimate in, quiet for only 2 s", false, 2, seen(0, Snapshots.conservativeCare())),
                row("no estimate, quiet for 3 s", false, 3, seen(0, Snapshots.triagedOnly())),
                row("no estimate, quiet for 10 s", true, 10, seen(0, Snapshots.triagedOnly())),
                row(
                        "changed 2 s ago",
                        false,
                        4,
                        seen(0, Snapshots.conservativeCare()),
                        seen(2, Snapshots.conservativeCareRepriced())),
                row(
                        "changed, then quiet for 3 s",
                        true,
                        5,
                        seen(0, Snapshots.conservativeCare()),
                        seen(2, Snapshots.conservativeCareRepriced())),
                row(
                        "the same answer again does not restart the quiet period",
                        true,
                        3,
                        seen(0, Snapshots.conservativeCare()),
                        seen(2, Snapshots.conservativeCare())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathways")
    void aPathwaySettlesOnceItHasADecisionAndStopsChanging(
            String pathway, boolean settled, int askedAtSecond, List<Seen> observations) {
        Settling settling = new Settling();

        observations.forEach(seen -> settling.observe(seen.snapshot(), Duration.ofSeconds(seen.atSecond())));

        assertThat(settling.isSettled(Duration.ofSeconds(askedAtSecond))).isEqualTo(settled);
    }

    private static Arguments row(String pathway, boolean settled, int askedAtSecond, Seen... observations) {
        return Arguments.of(pathway, settled, askedAtSecond, List.of(observations));
    }

    private static Seen seen(int atSecond, PathwaySnapshot snapshot) {
        return new Seen(atSecond, snapshot);
    }
}
