package org.carepath.scheduling.adapters;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.PatientTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When one patient is booked, across all of their episodes (scheduling-rules §4.2, amended 2026-12), keyed by
 * intake's opaque {@code patientId} (never the MRN). Each episode's entries are replaced whenever that episode's
 * booked appointments change, written under the document's version before the episode's schedule: two episodes
 * of one patient booking at once are serialized here, and the second plans again against the first's time.
 * Entries that have ended are dropped on the next write, so the document stays as small as the patient's future.
 */
@Document(PatientCalendar.COLLECTION)
// the type hint stored before the adapters' package had its name: stored documents stay as they were
@TypeAlias("org.carepath.scheduling.appointments.PatientCalendar")
record PatientCalendar(@Id String patientId, @Version Long version, List<PatientTime> appointments) {

    static final String COLLECTION = "patient_calendars";

    PatientCalendar {
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
    }

    static PatientCalendar empty(String patientId) {
        return new PatientCalendar(patientId, null, List.of());
    }

    /** The patient's time in episodes other than this one. */
    List<PatientTime> elsewhere(String episodeId) {
        return appointments.stream()
                .filter(time -> !time.episodeId().equals(episodeId))
                .toList();
    }

    List<PatientTime> of(String episodeId) {
        return appointments.stream()
                .filter(time -> time.episodeId().equals(episodeId))
                .toList();
    }

    /** This episode's entries replaced by its {@code booked} appointments; what has ended by {@code now} dropped. */
    PatientCalendar withEpisode(String episodeId, List<Appointment> booked, Instant now) {
        List<PatientTime> next = Stream.concat(
                        elsewhere(episodeId).stream(),
                        booked.stream().filter(Appointment::isBooked).map(PatientTime::of))
                .filter(time -> time.end().isAfter(now))
                .toList();
        return new PatientCalendar(patientId, version, next);
    }
}
