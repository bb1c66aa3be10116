package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;
import org.carepath.platform.web.InvalidFieldException;
import org.carepath.scheduling.directory.ClinicTime;
import org.carepath.scheduling.directory.SlotQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final List<Region> REGIONS = List.of(Region.QUEENS, Region.NASSAU);
    private static final SlotSearch.Limits LIMITS = new SlotSearch.Limits(14, 31);

    /** Parameters in the order of {@code GET /api/v1/slots}: specialty, modality, region, from, to, limit. */
    private record Parameters(String specialty, String modality, String region, String from, String to, Integer limit) {

        static Parameters of(String specialty) {
            return new Parameters(specialty, null, null, null, null, null);
        }

        Parameters modality(String value) {
            return new Parameters(specialty, value, region, from, to, limit);
        }

        Parameters region(String value) {
            return new Parameters(specialty, modality, value, from, to, limit);
        }

        Parameters range(String fromValue, String toValue) {
            return new Parameters(specialty, modality, region, fromValue, toValue, limit);
        }

        Parameters limit(Integer value) {
            return new Parameters(specialty, modality, region, from, to, value);
        }

        SlotSearch parse() {
            return SlotSearch.parse(specialty, modality, region, from, to, limit, REGIONS, NOW, LIMITS);
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                argumentSet("no specialty", Parameters.of(null), "specialty"),
                argumentSet("an unknown specialty", Parameters.of("DENTIST"), "specialty"),
                argumentSet(
                        "a modality for a clinician",
                        Parameters.of("PHYSICAL_THERAPY").modality("MRI"),
                        "modality"),
                argumentSet("an unknown modality", Parameters.of("IMAGING").modality("PET"), "modality"),
                argumentSet(
                        "an unknown region among several",
                        Parameters.of("IMAGING").region("QUEENS,ATLANTIS"),
                        "region"),
                argumentSet("a from that is no time", Parameters.of("IMAGING").range("tomorrow", null), "from"),
                argumentSet("a to that is no time", Parameters.of("IMAGING").range(null, "2026-13-01"), "to"),
                argumentSet("a to before the from", Parameters.of("IMAGING").range("2026-12-10", "2026-12-01"), "to"),
                argumentSet(
                        "a range longer than the maximum",
                        Parameters.of("IMAGING").range("2026-12-01", "2027-01-15"),
                        "to"),
                argumentSet(
                        "a far-future from (an instant)",
                        Parameters.of("IMAGING").range("+1000000000-12-31T00:00:00Z", null),
                        "from"),
                argumentSet(
                        "a far-future from (a date)", Parameters.of("IMAGING").range("+999999999-12-31", null), "from"),
                argumentSet("a from years ahead", Parameters.of("IMAGING").range("2999-01-01", null), "from"),
                argumentSet(
                        "a far-future to", Parameters.of("IMAGING").range(null, "+1000000000-12-31T00:00:00Z"), "to"),
                argumentSet("a limit of zero", Parameters.of("IMAGING").limit(0), "limit"),
                argumentSet(
                        "a limit above the maximum", Parameters.of("IMAGING").limit(5000), "limit"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesABadParameterNamingIt(Parameters parameters, String field) {
        assertThatThrownBy(parameters::parse).isInstanceOfSatisfying(InvalidFieldException.class, refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.status()).isEqualTo(400);
        });
    }

    @Test
    void searchesAllRegionsFromNowForTheDefaultRangeWhenOnlyTheSpecialtyIsGiven() {
        SlotSearch search = Parameters.of("orthopedic_spine").parse();

        assertThat(search.queries())
                .singleElement()
                .isEqualTo(new SlotQuery(Specialty.ORTHOPEDIC_SPINE, null, REGIONS, NOW, ClinicTime.plusDays(NOW, 14)));
        assertThat(search.limit()).isEqualTo(SlotSearch.DEFAULT_LIMIT);
    }

    @Test
    void searchesEveryImagingModalityWhenNoneIsGiven() {
        SlotSearch search = Parameters.of("IMAGING").region("NASSAU").parse();

        assertThat(search.queries())
                .extracting(SlotQuery::modality)
                .containsExactly(ImagingModality.XRAY, ImagingModality.MRI, ImagingModality.CT);
        assertThat(search.queries())
                .allSatisfy(query -> assertThat(query.regions()).containsExactly(Region.NASSAU));
    }

    @Test
    void readsDatesAsWholeDaysInNewYorkWithTheToDayIncluded() {
        SlotSearch search = Parameters.of("IMAGING")
                .modality("CT")
                .range("2026-12-01", "2026-12-03")
                .parse();

        assertThat(search.from()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(search.to()).isEqualTo(Instant.parse("2026-12-04T05:00:00Z"));
    }

    @Test
    void neverOffersSlotsThatHaveBegun() {
        SlotSearch partlyPast =
                Parameters.of("IMAGING").range("2026-11-20", "2026-11-25").parse();
        SlotSearch allPast =
                Parameters.of("IMAGING").range("2026-11-01", "2026-11-10").parse();

        assertThat(partlyPast.from()).isEqualTo(NOW);
        assertThat(allPast.queries()).isEmpty();
    }
}
