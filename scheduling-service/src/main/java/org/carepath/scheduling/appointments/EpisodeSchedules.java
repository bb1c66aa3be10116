package org.carepath.scheduling.appointments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.carepath.scheduling.directory.Slot;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of {@code episode_schedules}, every one by {@code _id}: an appointment id names its episode, and the
 * {@link WaitlistIndex} names the episodes that wait for a specialty.
 */
@Component
class EpisodeSchedules {

    static final int WAITLIST_CANDIDATES = 100;

    private final EpisodeScheduleRepository repository;
    private final MongoTemplate mongo;
    private final WaitlistIndex waitlistIndex;

    EpisodeSchedules(EpisodeScheduleRepository repository, MongoTemplate mongo, WaitlistIndex waitlistIndex) {
        this.repository = repository;
        this.mongo = mongo;
        this.waitlistIndex = waitlistIndex;
    }

    Optional<EpisodeSchedule> find(String episodeId) {
        return repository.findById(episodeId);
    }

    /** The schedules of these episodes, in one read by {@code _id}; an unknown episode is left out. */
    List<EpisodeSchedule> findAll(Collection<String> episodeIds) {
        if (episodeIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(episodeIds)), EpisodeSchedule.class);
    }

    /** The schedule holding an appointment: its id begins with the episode's ({@code <episodeId>:<TYPE>:...}). */
    Optional<EpisodeSchedule> holding(String appointmentId) {
        int end = appointmentId == null ? -1 : appointmentId.indexOf(':');
        if (end <= 0) {
            return Optional.empty();
        }
        return find(appointmentId.substring(0, end))
                .filter(schedule -> schedule.appointment(appointmentId).isPresent());
    }

    /** Episodes with an entry waiting for a slot of this specialty that starts within the entry's window. */
    List<EpisodeSchedule> waitingFor(Slot slot) {
        List<EpisodeSchedule> noted = findAll(waitlistIndex.waitingFor(slot.specialty(), WAITLIST_CANDIDATES));
        List<String> noLongerWaiting = noted.stream()
                .filter(schedule -> schedule.waitlist().stream()
                        .noneMatch(entry -> entry.isWaiting() && entry.specialty() == slot.specialty()))
                .map(EpisodeSchedule::episodeId)
                .toList();
        waitlistIndex.remove(slot.specialty(), noLongerWaiting);
        return noted.stream()
                .filter(schedule -> schedule.waitlist().stream()
                        .anyMatch(entry -> entry.isWaiting()
                                && entry.specialty() == slot.specialty()
                                && !entry.windowStart().isAfter(slot.start())
                                && entry.windowEnd().isAfter(slot.start())))
                .toList();
    }

    /** Ids of episodes with an entry still waiting whose window has not closed, for a periodic retry. */
    List<String> withOpenWaitlist(Instant now, int limit) {
        return findAll(waitlistIndex.waiting(limit)).stream()
                .filter(schedule -> schedule.waitlist().stream()
                        .anyMatch(
                                entry -> entry.isWaiting() && entry.windowEnd().isAfter(now)))
                .map(EpisodeSchedule::episodeId)
                .toList();
    }
}
