package org.carepath.scheduling.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;

/** Object Mother for directories: the shipped one, and a small one whose every provider is known by name. */
public final class Directories {

    private static final List<DayOfWeek> WEEKDAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private Directories() {}

    /** A wall-clock time in New York, as the UTC instant the domain works with. */
    public static Instant newYork(String date, String time) {
        return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), ClinicTime.ZONE)
                .toInstant();
    }

    public static Directory bundled() {
        return new DirectoryLoader().loadBundled();
    }

    /**
     * Queens, its neighbour Nassau, and Suffolk (next to Nassau only), each with a clinic holding an orthopedic
     * spine specialist, and an X-ray room at the Queens clinic; Mon–Fri 08:00–18:00.
     */
    public static Directory queensNassauSuffolk() {
        return new Directory(
                List.of(Region.QUEENS, Region.NASSAU, Region.SUFFOLK),
                List.of(new Adjacency(Region.QUEENS, Region.NASSAU), new Adjacency(Region.NASSAU, Region.SUFFOLK)),
                List.of(
                        clinic("queens-clinic", "Queens clinic", Region.QUEENS),
                        clinic("nassau-clinic", "Nassau clinic", Region.NASSAU),
                        clinic("suffolk-clinic", "Suffolk clinic", Region.SUFFOLK)),
                List.of(
                        clinician("ortho-queens-1", Specialty.ORTHOPEDIC_SPINE, "queens-clinic"),
                        clinician("ortho-nassau-1", Specialty.ORTHOPEDIC_SPINE, "nassau-clinic"),
                        clinician("ortho-suffolk-1", Specialty.ORTHOPEDIC_SPINE, "suffolk-clinic"),
                        imagingRoom("xray-queens-clinic", ImagingModality.XRAY, "queens-clinic")));
    }

    public static Site clinic(String id, String name, Region region) {
        return new Site(id, name, SiteKind.CLINIC, region);
    }

    public static Provider clinician(String id, Specialty specialty, String siteId) {
        return new Provider(id, id, specialty, null, siteId, List.of(weekdays("08:00", "18:00")));
    }

    public static Provider imagingRoom(String id, ImagingModality modality, String siteId) {
        return new Provider(id, id, Specialty.IMAGING, modality, siteId, List.of(weekdays("08:00", "18:00")));
    }

    public static AvailabilityWindow weekdays(String from, String to) {
        return new AvailabilityWindow(WEEKDAYS, LocalTime.parse(from), LocalTime.parse(to));
    }

    public static Directory withProvider(Directory directory, Provider provider) {
        return new Directory(
                directory.regions(),
                directory.adjacency(),
                directory.sites(),
                Stream.concat(directory.providers().stream(), Stream.of(provider))
                        .toList());
    }
}
