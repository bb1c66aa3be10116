package org.carepath.scheduling.adapters;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.PatientTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@link PatientCalendar}s one booking operation (or one batch of them) has read, each read once by
 * {@code _id}, and kept up to date with what the operation writes. An episode without a {@code patientId} is its
 * own patient (scheduling-rules §4.2): its schedule document alone keeps its appointments apart, so it has no
 * calendar.
 */
final class PatientTimes {

    private final MongoTemplate mongo;
    private final Map<String, PatientCalendar> calendars = new HashMap<>();

    PatientTimes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Reads the calendars of these patients in one read by {@code _id}. */
    void preload(Collection<String> patientIds) {
        List<String> unknown = patientIds.stream()
                .filter(Objects::nonNull)
                .filter(id -> !calendars.containsKey(id))
                .distinct()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        mongo.find(query(where("_id").in(unknown)), PatientCalendar.class)
                .forEach(calendar -> calendars.put(calendar.patientId(), calendar));
        unknown.forEach(id -> calendars.putIfAbsent(id, PatientCalendar.empty(id)));
    }

    /** The patient's time in their other episodes; none for an episode that is its own patient. */
    List<PatientTime> elsewhere(String patientId, String episodeId) {
        if (patientId == null) {
            return List.of();
        }
        return calendar(patientId).elsewhere(episodeId);
    }

    /**
     * Records the episode's booked appointments as the patient's time; false when another operation changed the
     * patient's calendar since it was read (it is read again, and the caller plans again against it). Writes
     * nothing when nothing changes.
     */
    boolean record(String patientId, String episodeId, List<Appointment> booked, Instant now) {
        if (patientId == null) {
            return true;
        }
        PatientCalendar current = calendar(patientId);
        PatientCalendar next = current.withEpisode(episodeId, booked, now);
        if (new HashSet<>(next.appointments()).equals(new HashSet<>(current.appointments()))) {
            return true;
        }
        try {
            calendars.put(patientId, mongo.save(next));
            return true;
        } catch (OptimisticLockingFailureException | DuplicateKeyException changedMeanwhile) {
            calendars.remove(patientId);
            return false;
        }
    }

    /** As {@link #record}, again and again until it holds: for time given up, which needs no planning again. */
    void release(String patientId, String episodeId, List<Appointment> booked, Instant now) {
        for (int attempt = 0; attempt < 5 && !record(patientId, episodeId, booked, now); attempt++) {
            // read again and retried
        }
    }

    /** The ids of the episode's appointments the patient's calendar holds, as this operation knows it. */
    Set<String> idsOf(String patientId, String episodeId) {
        return calendar(patientId).of(episodeId).stream()
                .map(PatientTime::appointmentId)
                .collect(Collectors.toSet());
    }

    /** Drops these appointments of the episode from the patient's time (they were never stored as booked). */
    void forget(String patientId, String episodeId, Set<String> appointmentIds, Instant now) {
        if (appointmentIds.isEmpty()) {
            return;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            PatientCalendar current = calendar(patientId);
            List<PatientTime> kept = current.appointments().stream()
                    .filter(time ->
                            !(time.episodeId().equals(episodeId) && appointmentIds.contains(time.appointmentId())))
                    .filter(time -> time.end().isAfter(now))
                    .toList();
            try {
                calendars.put(patientId, mongo.save(new PatientCalendar(patientId, current.version(), kept)));
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException changedMeanwhile) {
                calendars.remove(patientId);
            }
        }
    }

    private PatientCalendar calendar(String patientId) {
        if (!calendars.containsKey(patientId)) {
            preload(List.of(patientId));
        }
        return calendars.get(patientId);
    }
}
