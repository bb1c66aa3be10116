package org.carepath.scheduling.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carepath.events.intake.Region;
import org.junit.jupiter.api.Test;

class DirectoryTest {

    @Test
    void searchesTheHomeRegionThenItsNeighboursThenEveryOtherRegion() {
        Directory directory = Directories.bundled();

        assertThat(directory.fallbackTiers(Region.QUEENS))
                .containsExactly(
                        List.of(Region.QUEENS),
                        List.of(Region.MANHATTAN, Region.BROOKLYN, Region.BRONX, Region.NASSAU),
                        List.of(Region.STATEN_ISLAND, Region.SUFFOLK));
    }

    @Test
    void adjacencyWorksBothWays() {
        Directory directory = Directories.queensNassauSuffolk();

        assertThat(directory.adjacentTo(Region.NASSAU)).containsExactly(Region.QUEENS, Region.SUFFOLK);
        assertThat(directory.adjacentTo(Region.SUFFOLK)).containsExactly(Region.NASSAU);
    }

    @Test
    void searchesEveryRegionAtOnceWhenThePatientsRegionIsUnknown() {
        Directory directory = Directories.queensNassauSuffolk();

        assertThat(directory.fallbackTiers(null))
                .containsExactly(List.of(Region.QUEENS, Region.NASSAU, Region.SUFFOLK));
    }

    @Test
    void aDirectoryBuiltInCodeIsValidatedTheSameWay() {
        Directory directory = Directories.queensNassauSuffolk();
        Directory broken = Directories.withProvider(
                directory,
                Directories.clinician(
                        "pt-bronx-1", org.carepath.events.scheduling.Specialty.PHYSICAL_THERAPY, "bronx-clinic"));

        assertThat(DirectoryValidator.problemsOf(directory)).isEmpty();
        assertThat(DirectoryValidator.problemsOf(broken))
                .containsExactly("provider 'pt-bronx-1': site 'bronx-clinic' is unknown");
    }
}
