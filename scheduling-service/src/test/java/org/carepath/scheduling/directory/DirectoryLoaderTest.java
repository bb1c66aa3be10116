package org.carepath.scheduling.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DirectoryLoaderTest {

    private static final String VALID =
            """
            {"regions": ["QUEENS", "NASSAU"],
             "adjacency": [["QUEENS", "NASSAU"]],
             "sites": [{"id": "queens-clinic", "name": "Queens clinic", "kind": "CLINIC", "region": "QUEENS"}],
             "providers": [{"id": "ortho-queens-1", "name": "Orthopedic spine specialist",
                            "specialty": "ORTHOPEDIC_SPINE", "siteId": "queens-clinic",
                            "availability": [{"days": ["MONDAY", "TUESDAY"], "from": "08:00", "to": "18:00"}]}]}
            """;

    private final DirectoryLoader loader = new DirectoryLoader();

    @Test
    void loadsTheShippedDirectory() {
        Directory directory = loader.loadBundled();

        assertThat(DirectoryValidator.problemsOf(directory)).isEmpty();
        assertThat(directory.regions()).containsExactlyInAnyOrder(Region.values());
        assertThat(directory.sites())
                .filteredOn(site -> site.kind() == SiteKind.HOSPITAL)
                .extracting(Site::name)
                .containsExactlyInAnyOrder(
                        "Affiliated hospital 1",
                        "Affiliated hospital 2",
                        "Affiliated hospital 3",
                        "Affiliated hospital 4",
                        "Affiliated hospital 5",
                        "Affiliated hospital 6");
        assertThat(directory.providers()).hasSizeBetween(25, 40);
    }

    @Test
    void theShippedDirectoryHasEverySpecialtyAndModalityInSeveralRegions() {
        Directory directory = loader.loadBundled();

        for (Specialty specialty : Specialty.values()) {
            if (specialty == Specialty.IMAGING) {
                continue;
            }
            assertThat(regionsOffering(directory, specialty, null))
                    .as(specialty.name())
                    .hasSizeGreaterThan(2);
        }
        for (ImagingModality modality : ImagingModality.values()) {
            assertThat(regionsOffering(directory, Specialty.IMAGING, modality))
                    .as(modality.name())
                    .hasSizeGreaterThan(2);
        }
    }

    @Test
    void theShippedDirectoryLinksQueensToItsNeighbours() {
        Directory directory = loader.loadBundled();

        assertThat(directory.adjacentTo(Region.QUEENS))
                .containsExactlyInAnyOrder(Region.MANHATTAN, Region.BROOKLYN, Region.BRONX, Region.NASSAU);
        assertThat(directory.adjacentTo(Region.SUFFOLK)).containsExactly(Region.NASSAU);
    }

    @Test
    void loadsAValidFile() {
        Directory directory = load(VALID);

        assertThat(directory.provider("ortho-queens-1"))
                .hasValueSatisfying(provider -> assertThat(provider.availability())
                        .singleElement()
                        .satisfies(window -> assertThat(window.days()).hasSize(2)));
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of(
                        "unknown region",
                        "\"region\": \"QUEENS\"",
                        "\"region\": \"QUENS\"",
                        "site 'queens-clinic': unknown region 'QUENS'"),
                Arguments.of(
                        "region not declared",
                        "\"region\": \"QUEENS\"",
                        "\"region\": \"BRONX\"",
                        "region BRONX is not declared"),
                Arguments.of(
                        "provider at unknown site",
                        "\"siteId\": \"queens-clinic\"",
                        "\"siteId\": \"queens-clinc\"",
                        "provider 'ortho-queens-1': site 'queens-clinc' is unknown"),
                Arguments.of(
                        "bad time range",
                        "\"from\": \"08:00\", \"to\": \"18:00\"",
                        "\"from\": \"18:00\", \"to\": \"08:00\"",
                        "bad time range 18:00–08:00"),
                Arguments.of(
                        "not a time", "\"to\": \"18:00\"", "\"to\": \"6pm\"", "availability[0].to '6pm' is not a time"),
                Arguments.of(
                        "window shorter than a slot",
                        "\"to\": \"18:00\"",
                        "\"to\": \"08:10\"",
                        "shorter than one PT30M slot"),
                Arguments.of("unknown day", "\"TUESDAY\"", "\"TUESDY\"", "unknown availability[0].days[1] 'TUESDY'"),
                Arguments.of(
                        "unknown specialty",
                        "\"ORTHOPEDIC_SPINE\"",
                        "\"CHIROPRACTIC\"",
                        "unknown specialty 'CHIROPRACTIC'"),
                Arguments.of(
                        "imaging room without modality", "\"ORTHOPEDIC_SPINE\"", "\"IMAGING\"", "needs a modality"),
                Arguments.of(
                        "clinician with a modality",
                        "\"specialty\": \"ORTHOPEDIC_SPINE\"",
                        "\"specialty\": \"ORTHOPEDIC_SPINE\", \"modality\": \"MRI\"",
                        "only IMAGING rooms have a modality"),
                Arguments.of(
                        "no availability",
                        "\"availability\": [{\"days\": [\"MONDAY\", \"TUESDAY\"], \"from\": \"08:00\", \"to\": \"18:00\"}]",
                        "\"availability\": []",
                        "availability is empty"),
                Arguments.of(
                        "overlapping windows",
                        "\"to\": \"18:00\"}",
                        "\"to\": \"18:00\"}, {\"days\": [\"MONDAY\"], \"from\": \"12:00\", \"to\": \"14:00\"}",
                        "availability[1] overlaps availability[0]"),
                Arguments.of(
                        "provider id that would break slot ids",
                        "\"id\": \"ortho-queens-1\"",
                        "\"id\": \"ortho@queens\"",
                        "must not contain '@'"),
                Arguments.of(
                        "adjacency to an undeclared region",
                        "[\"QUEENS\", \"NASSAU\"]]",
                        "[\"QUEENS\", \"SUFFOLK\"]]",
                        "adjacency[0]: region SUFFOLK is not declared"),
                Arguments.of(
                        "adjacency that is not a pair",
                        "[\"QUEENS\", \"NASSAU\"]]",
                        "[\"QUEENS\"]]",
                        "adjacency[0]: must be a pair"),
                Arguments.of("unknown site kind", "\"CLINIC\"", "\"PHARMACY\"", "unknown kind 'PHARMACY'"),
                Arguments.of("misspelt field", ",\n \"providers\"", ",\n \"doctors\"", "unreadable JSON"),
                Arguments.of("not JSON", "{\"regions\"", "regions", "unreadable JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void rejectsAnInvalidFileNamingTheProblem(String problem, String valid, String broken, String expectedMessage) {
        String json = VALID.replace(valid, broken);
        assertThat(json).as("the row must change the file").isNotEqualTo(VALID);

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining("test.json is not a valid directory")
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String json = VALID.replace("\"region\": \"QUEENS\"", "\"region\": \"QUENS\"")
                .replace("\"siteId\": \"queens-clinic\"", "\"siteId\": \"nowhere\"");

        assertThatThrownBy(() -> load(json))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "site 'queens-clinic': unknown region 'QUENS'",
                                "provider 'ortho-queens-1': site 'nowhere' is unknown"));
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> loader.load(Path.of("does-not-exist.json")))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining("does-not-exist.json")
                .hasMessageContaining("does not exist");
    }

    private Directory load(String json) {
        return loader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static Region[] regionsOffering(Directory directory, Specialty specialty, ImagingModality modality) {
        return directory.providersOffering(specialty, modality).stream()
                .map(provider -> directory.siteOf(provider).region())
                .distinct()
                .toArray(Region[]::new);
    }
}
