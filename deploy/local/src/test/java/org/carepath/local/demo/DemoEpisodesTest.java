package org.carepath.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.SupplementalType;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class DemoEpisodesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** Strict, so a misspelt field or enum value in a sample fails here and not in front of an audience. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static Stream<Arguments> samples() {
        return Stream.of(
                sample("demo/01-acute-lifting-medicare-medigap.json", report -> {
                    assertThat(report.triggers()).containsExactly(Trigger.LIFTING);
                    assertThat(report.coverage().primary()).isEqualTo(PrimaryPayer.MEDICARE);
                    assertThat(report.coverage().supplemental().type()).isEqualTo(SupplementalType.MEDIGAP);
                    assertThat(TODAY.toEpochDay() - report.onsetDate().toEpochDay())
                            .isLessThan(14);
                }),
                sample("demo/02-red-flag-bladder-bowel-loss.json", report -> assertThat(report.symptoms())
                        .contains(Symptom.BLADDER_BOWEL_LOSS)),
                sample("demo/03-chronic-leg-tingling.json", report -> {
                    assertThat(report.symptoms()).contains(Symptom.TINGLING_LEGS);
                    assertThat(TODAY.toEpochDay() - report.onsetDate().toEpochDay())
                            .isGreaterThanOrEqualTo(14);
                    assertThat(report.history().homeCareTried()).isTrue();
                }),
                sample("demo/04-workplace-injury-workers-comp.json", report -> {
                    assertThat(report.triggers()).contains(Trigger.WORKPLACE_INJURY);
                    assertThat(report.coverage().workersCompClaim()).isNotBlank();
                }),
                sample("demo/05-car-accident-no-fault.json", report -> {
                    assertThat(report.triggers()).contains(Trigger.CAR_ACCIDENT);
                    assertThat(report.coverage().noFault().deductibleRemaining())
                            .isEqualByComparingTo("200.00");
                }));
    }

    private static Arguments sample(String file, Consumer<EpisodeReported> shows) {
        return Arguments.of(file, shows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleIsAReportInTheContractsShape(String file, Consumer<EpisodeReported> shows) {
        DemoEpisode episode = DemoEpisodes.read(STRICT, file);

        EpisodeReported report = STRICT.treeToValue(episode.reportAsOf(TODAY), EpisodeReported.class);

        assertThat(episode.title()).isNotBlank().doesNotContain(report.patient().name());
        assertThat(report.onsetDate()).isEqualTo(TODAY.minusDays(episode.onsetDaysAgo()));
        assertThat(report.patient().contact()).isNotNull();
        assertThat(report.patient().region()).isNotNull();
        assertThat(report.painScore()).isBetween(0, 10);
        assertThat(report.painLocation()).isNotNull();
        assertThat(report.history()).isNotNull();
        assertThat(report.coverage().primary()).isNotNull();
        shows.accept(report);
    }

    @Test
    void everySampleFileInTheDemoFolderIsSent() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource("demo").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> shipped = files.map(file -> "demo/" + file.getFileName())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();

            assertThat(DemoEpisodes.FILES).isEqualTo(shipped);
        }
        assertThat(DemoEpisodes.load(STRICT)).hasSize(DemoEpisodes.FILES.size());
    }

    @Test
    void countsTheOnsetFromTheClinicsDateNotFromUtc() {
        Clock lateEveningInNewYork = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);

        assertThat(Demo.clinicDate(lateEveningInNewYork)).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void refusesAnOnsetInTheFuture() {
        DemoEpisode acute = DemoEpisodes.read(STRICT, DemoEpisodes.FILES.get(0));

        assertThatThrownBy(() -> new DemoEpisode("demo/x.json", "x", -1, acute.report()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onsetDaysAgo");
    }

    @Test
    void sendingASampleLeavesTheSampleUnchanged() {
        DemoEpisode acute = DemoEpisodes.read(STRICT, DemoEpisodes.FILES.get(0));

        acute.reportAsOf(TODAY).put("painScore", 0);

        assertThat(acute.report().has("onsetDate")).isFalse();
        assertThat(acute.report().path("painScore").asInt()).isEqualTo(6);
    }
}
