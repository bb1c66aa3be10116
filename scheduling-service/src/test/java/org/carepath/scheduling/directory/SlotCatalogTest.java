package org.carepath.scheduling.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotCatalogTest {

    private final Directory directory = Directories.queensNassauSuffolk();
    private final SlotCatalog catalog = new SlotCatalog(directory);
    private final Provider orthoQueens = directory.provider("ortho-queens-1").orElseThrow();

    @Test
    void fillsEachWeekdayFromEightToSixWithThirtyMinuteSlots() {
        List<Slot> slots = catalog.slotsOf(orthoQueens, nyTime("2026-11-23", "00:00"), nyTime("2026-11-30", "00:00"));

        assertThat(slots).hasSize(5 * 20);
        assertThat(slots.get(0).start()).isEqualTo(nyTime("2026-11-23", "08:00"));
        assertThat(slots.get(19).end()).isEqualTo(nyTime("2026-11-23", "18:00"));
        assertThat(slots).allSatisfy(slot -> assertThat(slot.length()).isEqualTo(Duration.ofMinutes(30)));
        assertThat(slots)
                .extracting(slot -> slot.start().atZone(ClinicTime.ZONE).getDayOfWeek())
                .doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    @Test
    void aPartOfADayAsksForTheSameSlotsAsTheWholeDayHolds() {
        List<Slot> week = catalog.slotsOf(orthoQueens, nyTime("2026-11-23", "00:00"), nyTime("2026-11-30", "00:00"));
        List<Slot> afternoon =
                catalog.slotsOf(orthoQueens, nyTime("2026-11-24", "13:00"), nyTime("2026-11-24", "15:00"));
        List<Slot> again = catalog.slotsOf(orthoQueens, nyTime("2026-11-23", "00:00"), nyTime("2026-11-30", "00:00"));

        assertThat(afternoon)
                .extracting(Slot::start)
                .containsExactly(
                        nyTime("2026-11-24", "13:00"),
                        nyTime("2026-11-24", "13:30"),
                        nyTime("2026-11-24", "14:00"),
                        nyTime("2026-11-24", "14:30"));
        assertThat(afternoon).allSatisfy(slot -> assertThat(week).contains(slot));
        assertThat(again).isEqualTo(week);
        assertThat(again.get(7).slotId())
                .as("a day's slots are made once, ids included")
                .isSameAs(week.get(7).slotId());
    }

    @Test
    void keepsNewYorkOpeningHoursAcrossTheNovemberDstChange() {
        // DST ends on Sunday 2026-11-01: 08:00 in New York is 12:00Z the Friday before and 13:00Z the Monday after
        List<Slot> slots = catalog.slotsOf(orthoQueens, nyTime("2026-10-30", "00:00"), nyTime("2026-11-03", "00:00"));

        assertThat(slots)
                .extracting(Slot::start)
                .contains(Instant.parse("2026-10-30T12:00:00Z"), Instant.parse("2026-11-02T13:00:00Z"));
        assertThat(slots).extracting(Slot::start).doesNotContain(Instant.parse("2026-11-02T12:00:00Z"));
        assertThat(slots).hasSize(2 * 20);
    }

    @Test
    void keepsNewYorkOpeningHoursAcrossTheMarchDstChange() {
        // DST starts on Sunday 2026-03-08
        List<Slot> slots = catalog.slotsOf(orthoQueens, nyTime("2026-03-06", "00:00"), nyTime("2026-03-10", "00:00"));

        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-03-06T13:00:00Z"));
        assertThat(slots.get(20).start()).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void aWindowOverTheFallBackNightHasSlotsForItsRealLength() {
        Provider nightShift = new Provider(
                "night-1",
                "night-1",
                Specialty.ORTHOPEDIC_SPINE,
                null,
                "queens-clinic",
                List.of(new AvailabilityWindow(
                        List.of(DayOfWeek.SUNDAY), LocalTime.parse("00:00"), LocalTime.parse("06:00"))));
        SlotCatalog withNightShift = new SlotCatalog(Directories.withProvider(directory, nightShift));

        List<Slot> slots =
                withNightShift.slotsOf(nightShift, nyTime("2026-11-01", "00:00"), nyTime("2026-11-02", "00:00"));

        // 00:00 EDT (04:00Z) to 06:00 EST (11:00Z) is seven hours
        assertThat(slots).hasSize(14);
        assertThat(slots.get(13).end()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
    }

    @Test
    void leavesOutTakenSlots() {
        SlotQuery query = ortho(List.of(Region.QUEENS), nyTime("2026-11-24", "08:00"), nyTime("2026-11-24", "09:00"));
        String taken = new SlotId("ortho-queens-1", nyTime("2026-11-24", "08:30")).value();

        List<Slot> open = catalog.open(query, Set.of(taken));

        assertThat(open)
                .extracting(Slot::slotId)
                .containsExactly(new SlotId("ortho-queens-1", nyTime("2026-11-24", "08:00")).value());
    }

    @Test
    void findsOnlyTheAskedSpecialtyInTheAskedRegionsEarliestFirst() {
        SlotQuery query = ortho(
                List.of(Region.NASSAU, Region.SUFFOLK), nyTime("2026-11-24", "08:00"), nyTime("2026-11-24", "08:30"));

        List<Slot> open = catalog.open(query, Set.of());

        assertThat(open).extracting(Slot::providerId).containsExactly("ortho-nassau-1", "ortho-suffolk-1");
        assertThat(open).extracting(Slot::region).containsExactly(Region.NASSAU, Region.SUFFOLK);
    }

    @Test
    void resolvesASlotIdOnTheProvidersGrid() {
        String slotId = new SlotId("ortho-queens-1", nyTime("2026-11-25", "08:00")).value();

        assertThat(catalog.resolve(slotId)).hasValueSatisfying(slot -> {
            assertThat(slot.siteId()).isEqualTo("queens-clinic");
            assertThat(slot.end()).isEqualTo(nyTime("2026-11-25", "08:30"));
        });
    }

    static Stream<Arguments> unknownSlotIds() {
        return Stream.of(
                Arguments.of("off the grid", "ortho-queens-1@2026-11-25T13:10:00Z"),
                Arguments.of("outside opening hours", "ortho-queens-1@2026-11-25T03:00:00Z"),
                Arguments.of("on a Sunday", "ortho-queens-1@2026-11-29T14:00:00Z"),
                Arguments.of("unknown provider", "ortho-mars-1@2026-11-25T13:00:00Z"),
                Arguments.of("not a slot id", "tomorrow morning"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownSlotIds")
    void resolvesNothingForASlotThatDoesNotExist(String example, String slotId) {
        assertThat(catalog.resolve(slotId)).isEmpty();
    }

    static Stream<Arguments> slotLengths() {
        return Stream.of(
                Arguments.of(Specialty.IMAGING, ImagingModality.XRAY, 15),
                Arguments.of(Specialty.IMAGING, ImagingModality.CT, 30),
                Arguments.of(Specialty.IMAGING, ImagingModality.MRI, 45),
                Arguments.of(Specialty.ORTHOPEDIC_SPINE, null, 30),
                Arguments.of(Specialty.SPINE_SURGEON, null, 45),
                Arguments.of(Specialty.PHYSICAL_THERAPY, null, 45),
                Arguments.of(Specialty.REHABILITATION, null, 30));
    }

    @ParameterizedTest(name = "{0} {1}: {2} minutes")
    @MethodSource("slotLengths")
    void eachProviderHasAFixedSlotLength(Specialty specialty, ImagingModality modality, int minutes) {
        assertThat(SlotLengths.of(specialty, modality)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void everyAppointmentTypeFitsInOneSlotOfAProviderThatHostsIt() {
        for (AppointmentType type : AppointmentType.values()) {
            for (Specialty specialty : AppointmentTypes.specialtiesFor(type)) {
                Duration slot = SlotLengths.of(specialty, AppointmentTypes.modalityOf(type));
                assertThat(Duration.ofMinutes(type.minutes()))
                        .as(type + " at " + specialty)
                        .isLessThanOrEqualTo(slot);
            }
        }
    }

    private static SlotQuery ortho(List<Region> regions, Instant from, Instant to) {
        return new SlotQuery(Specialty.ORTHOPEDIC_SPINE, null, regions, from, to);
    }

    static Instant nyTime(String date, String time) {
        return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), ClinicTime.ZONE)
                .toInstant();
    }
}
