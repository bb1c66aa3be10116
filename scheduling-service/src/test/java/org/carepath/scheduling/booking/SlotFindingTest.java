package org.carepath.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.scheduling.directory.Directories.newYork;

import java.util.stream.Stream;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scheduling-rules §4.1: the patient's region, then adjacent regions, then any; the earliest start in the window. */
class SlotFindingTest {

    // Queens (the patient's), Nassau next to it, Suffolk next to Nassau only
    private final Directory directory = Directories.queensNassauSuffolk();
    private final BookingPlanner planner = new BookingPlanner(directory);

    static Stream<Arguments> fallbackOrder() {
        return Stream.of(
                Arguments.of("home region when it has a slot", new String[] {}, Region.QUEENS),
                Arguments.of("adjacent region when home is full", new String[] {"ortho-queens-1"}, Region.NASSAU),
                Arguments.of(
                        "any region when home and adjacent are full",
                        new String[] {"ortho-queens-1", "ortho-nassau-1"},
                        Region.SUFFOLK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fallbackOrder")
    void fallsBackFromTheHomeRegionToItsNeighboursToAnyRegion(String example, String[] full, Region expected) {
        BookingPlan plan = planner.plan(
                Decisions.specialistReferral(), EpisodeBookings.none(), Calendars.fullyBooked(directory, full));

        assertThat(plan.appointments()).singleElement().satisfies(visit -> {
            assertThat(visit.region()).isEqualTo(expected);
            assertThat(visit.start()).isEqualTo(Decisions.DECIDED_AT);
        });
    }

    @Test
    void prefersALaterSlotAtHomeToAnEarlierOneNextDoor() {
        OpenSlots queensBusyTillNoon = Calendars.takenUntil(directory, newYork("2026-11-24", "12:00"), "ortho-queens");

        BookingPlan plan = planner.plan(Decisions.specialistReferral(), EpisodeBookings.none(), queensBusyTillNoon);

        assertThat(plan.appointments()).singleElement().satisfies(visit -> {
            assertThat(visit.providerId()).isEqualTo("ortho-queens-1");
            assertThat(visit.start()).isEqualTo(newYork("2026-11-24", "12:00"));
        });
    }

    @Test
    void takesTheEarliestSlotStartingAtOrAfterTheDecision() {
        TriageDecided decidedMidSlot =
                Decisions.decidedAt(Decisions.specialistReferral(), newYork("2026-11-24", "10:10"));

        BookingPlan plan = planner.plan(decidedMidSlot, EpisodeBookings.none(), Calendars.allFree(directory));

        assertThat(plan.appointments()).singleElement().satisfies(visit -> {
            assertThat(visit.slotId()).isEqualTo("ortho-queens-1@" + newYork("2026-11-24", "10:30"));
            assertThat(visit.end()).isEqualTo(newYork("2026-11-24", "11:00"));
        });
    }

    @Test
    void waitlistsWhenEveryRegionIsFull() {
        BookingPlan plan = planner.plan(
                Decisions.specialistReferral(),
                EpisodeBookings.none(),
                Calendars.fullyBooked(directory, "ortho-queens-1", "ortho-nassau-1", "ortho-suffolk-1"));

        assertThat(plan.appointments()).isEmpty();
        assertThat(plan.waitlisted()).singleElement().satisfies(entry -> {
            assertThat(entry.entryId()).isEqualTo("ep-1:SPECIALIST_VISIT:v1");
            assertThat(entry.region()).isEqualTo(Region.QUEENS);
            assertThat(entry.status()).isEqualTo(WaitlistStatus.WAITING);
            assertThat(entry.waitlisted().windowEnd()).isEqualTo(entry.windowEnd());
        });
    }
}
