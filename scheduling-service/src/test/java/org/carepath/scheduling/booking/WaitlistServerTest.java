package org.carepath.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.scheduling.directory.Directories.newYork;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.directory.AppointmentTypes;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scheduling-rules §4.3: a freed slot goes to the oldest waiting entry it suits. */
class WaitlistServerTest {

    private static final Directory DIRECTORY = Directories.queensNassauSuffolk();
    // Wednesday 09:00 in New York, at the Queens clinic's orthopedic spine specialist
    private static final Slot FREED = Calendars.slot(DIRECTORY, "ortho-queens-1@" + newYork("2026-11-25", "09:00"));
    private static final Instant NOW = newYork("2026-11-24", "16:00");

    static Stream<Arguments> candidates() {
        return Stream.of(
                Arguments.of(
                        "the oldest entry gets the slot",
                        List.of(visit("ep-new", "2026-11-24"), visit("ep-old", "2026-11-23")),
                        "ep-old:SPECIALIST_VISIT:v1"),
                Arguments.of(
                        "an older entry for another kind of slot is passed over",
                        List.of(physicalTherapy("ep-pt", "2026-11-20"), visit("ep-1", "2026-11-24")),
                        "ep-1:SPECIALIST_VISIT:v1"),
                Arguments.of(
                        "an entry whose window closed before the slot is passed over",
                        List.of(
                                visitWithin("ep-closed", "2026-11-20", "2026-11-25", "09:00"),
                                visit("ep-1", "2026-11-24")),
                        "ep-1:SPECIALIST_VISIT:v1"),
                Arguments.of(
                        "a patient busy at that time is passed over",
                        List.of(busy(visit("ep-busy", "2026-11-20")), visit("ep-1", "2026-11-24")),
                        "ep-1:SPECIALIST_VISIT:v1"),
                Arguments.of(
                        "a visit whose imaging still waits is passed over",
                        List.of(visitAfterWaitingXray("ep-imaging", "2026-11-20"), visit("ep-1", "2026-11-24")),
                        "ep-1:SPECIALIST_VISIT:v1"),
                Arguments.of(
                        "a visit the day after its imaging is served",
                        List.of(
                                visitAfterXrayAt("ep-imaging", "2026-11-20", "2026-11-24"),
                                visit("ep-1", "2026-11-24")),
                        "ep-imaging:SPECIALIST_VISIT:v1"),
                Arguments.of(
                        "a visit on the same day as its imaging is passed over",
                        List.of(
                                visitAfterXrayAt("ep-imaging", "2026-11-20", "2026-11-25"),
                                visit("ep-1", "2026-11-24")),
                        "ep-1:SPECIALIST_VISIT:v1"),
                Arguments.of(
                        "nobody suitable: the slot stays open",
                        List.of(physicalTherapy("ep-pt", "2026-11-20"), alreadyServed(visit("ep-1", "2026-11-24"))),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidates")
    void servesTheOldestSuitableEntry(String example, List<WaitlistCandidate> candidates, String expectedEntryId) {
        var served = WaitlistServer.serve(FREED, candidates, NOW);

        if (expectedEntryId == null) {
            assertThat(served).isEmpty();
        } else {
            assertThat(served)
                    .hasValueSatisfying(
                            result -> assertThat(result.entry().entryId()).isEqualTo(expectedEntryId));
        }
    }

    @Test
    void booksTheFreedSlotUnderTheEntrysId() {
        var served = WaitlistServer.serve(FREED, List.of(visit("ep-1", "2026-11-24")), NOW)
                .orElseThrow();

        assertThat(served.entry().status()).isEqualTo(WaitlistStatus.SERVED);
        assertThat(served.appointment().appointmentId())
                .isEqualTo(served.entry().entryId());
        assertThat(served.appointment().slotId()).isEqualTo(FREED.slotId());
        assertThat(served.appointment().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(served.appointment().rule()).isEqualTo("BK-SP");
    }

    @Test
    void doesNotServeASlotThatHasAlreadyStarted() {
        var served = WaitlistServer.serve(FREED, List.of(visit("ep-1", "2026-11-24")), newYork("2026-11-25", "09:05"));

        assertThat(served).isEmpty();
    }

    private static WaitlistCandidate visit(String episodeId, String waitlistedOn) {
        return visitWithin(episodeId, waitlistedOn, "2026-12-01", "10:00");
    }

    private static WaitlistCandidate visitWithin(
            String episodeId, String waitlistedOn, String endDate, String endTime) {
        return asCandidate(entry(
                episodeId,
                AppointmentType.SPECIALIST_VISIT,
                Specialty.ORTHOPEDIC_SPINE,
                waitlistedOn,
                newYork(endDate, endTime),
                List.of()));
    }

    private static WaitlistCandidate physicalTherapy(String episodeId, String waitlistedOn) {
        return asCandidate(entry(
                episodeId,
                AppointmentType.PT_EVALUATION,
                Specialty.PHYSICAL_THERAPY,
                waitlistedOn,
                newYork("2026-12-01", "10:00"),
                List.of()));
    }

    private static WaitlistCandidate busy(WaitlistCandidate candidate) {
        Appointment overlapping = Appointment.inSlot(
                candidate.entry().episodeId() + ":IMAGING_XRAY:v1",
                candidate.entry().episodeId(),
                1,
                AppointmentType.IMAGING_XRAY,
                Calendars.slot(DIRECTORY, "xray-queens-clinic@" + newYork("2026-11-25", "09:15")),
                "BK-CC");
        return new WaitlistCandidate(candidate.entry(), new EpisodeBookings(List.of(overlapping), List.of()));
    }

    private static WaitlistCandidate visitAfterWaitingXray(String episodeId, String waitlistedOn) {
        WaitlistEntry xray = entry(
                episodeId,
                AppointmentType.IMAGING_XRAY,
                Specialty.IMAGING,
                waitlistedOn,
                newYork("2026-11-29", "10:00"),
                List.of());
        WaitlistEntry visit = visitNeedingXray(episodeId, waitlistedOn);
        return new WaitlistCandidate(visit, new EpisodeBookings(List.of(), List.of(xray, visit)));
    }

    private static WaitlistCandidate visitAfterXrayAt(String episodeId, String waitlistedOn, String xrayDate) {
        Appointment xray = Appointment.inSlot(
                episodeId + ":IMAGING_XRAY:v1",
                episodeId,
                1,
                AppointmentType.IMAGING_XRAY,
                Calendars.slot(DIRECTORY, "xray-queens-clinic@" + newYork(xrayDate, "08:00")),
                "BK-SP");
        WaitlistEntry visit = visitNeedingXray(episodeId, waitlistedOn);
        return new WaitlistCandidate(visit, new EpisodeBookings(List.of(xray), List.of(visit)));
    }

    private static WaitlistEntry visitNeedingXray(String episodeId, String waitlistedOn) {
        return entry(
                episodeId,
                AppointmentType.SPECIALIST_VISIT,
                Specialty.ORTHOPEDIC_SPINE,
                waitlistedOn,
                newYork("2026-12-01", "10:00"),
                List.of(AppointmentType.IMAGING_XRAY));
    }

    private static WaitlistCandidate alreadyServed(WaitlistCandidate candidate) {
        return asCandidate(candidate.entry().serve());
    }

    private static WaitlistCandidate asCandidate(WaitlistEntry entry) {
        return new WaitlistCandidate(entry, new EpisodeBookings(List.of(), List.of(entry)));
    }

    private static WaitlistEntry entry(
            String episodeId,
            AppointmentType type,
            Specialty specialty,
            String waitlistedOn,
            Instant windowEnd,
            List<AppointmentType> after) {
        Instant waitlistedAt = newYork(waitlistedOn, "10:00");
        return new WaitlistEntry(
                BookingPlanner.appointmentId(episodeId, type, 1),
                episodeId,
                1,
                type,
                specialty,
                AppointmentTypes.modalityOf(type),
                Region.QUEENS,
                waitlistedAt,
                windowEnd,
                after,
                waitlistedAt,
                WaitlistStatus.WAITING,
                "BK-SP");
    }
}
