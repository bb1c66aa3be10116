package org.carepath.scheduling.adapters;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    Optional<EpisodeScheduleDocument> find(String episodeId) {
        return repository.findById(episodeId);
    }

    /** The schedules of these episodes, in one read by {@code _id}; an unknown episode is left out. */
    List<EpisodeScheduleDocument> findAll(Collection<String> episodeIds) {
        if (episodeIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(episodeIds)), EpisodeScheduleDocument.class);
    }

    /** The schedule holding an appointment: its id begins with the episode's ({@code <episodeId>:<TYPE>:...}). */
    Optional<EpisodeScheduleDocument> holding(String appointmentId) {
        int end = appointmentId == null ? -1 : appointmentId.indexOf(':');
        if (end <= 0) {
            return Optional.empty();
        }
        return find(appointmentId.substring(0, end))
                .filter(schedule -> schedule.appointment(appointmentId).isPresent());
    }

    /**
     * Episodes with an entry waiting for a slot of this specialty that starts within the entry's window: the
     * {@value #WAITLIST_CANDIDATES} oldest such entries' episodes, read by {@code _id}.
     */
    List<EpisodeScheduleDocument> waitingFor(Slot slot) {
        List<WaitlistIndex.Noted> noted = waitlistIndex.waitingFor(slot.specialty(), slot.start(), WAITLIST_CANDIDATES);
        List<EpisodeScheduleDocument> found =
                findAll(WaitlistIndex.episodeIds(noted).toList());
        Set<String> stillWaiting = found.stream()
                .filter(schedule -> schedule.waitlist().stream()
                        .anyMatch(entry -> entry.isWaiting() && entry.specialty() == slot.specialty()))
                .map(EpisodeScheduleDocument::episodeId)
                .collect(Collectors.toSet());
        waitlistIndex.remove(
                slot.specialty(),
                noted.stream()
                        .filter(entry -> !stillWaiting.contains(entry.episodeId()))
                        .toList());
        return found.stream()
                .filter(schedule -> schedule.waitlist().stream()
                        .anyMatch(entry -> entry.isWaiting()
                                && entry.specialty() == slot.specialty()
                                && !entry.windowStart().isAfter(slot.start())
                                && entry.windowEnd().isAfter(slot.start())))
                .toList();
    }

    /** Ids of episodes with an entry still waiting whose window has not closed, oldest first, for a retry. */
    List<String> withOpenWaitlist(Instant now, int limit) {
        List<String> ids = waitlistIndex.waiting(now, limit);
        Set<String> open = findAll(ids).stream()
                .filter(schedule -> schedule.waitlist().stream()
                        .anyMatch(
                                entry -> entry.isWaiting() && entry.windowEnd().isAfter(now)))
                .map(EpisodeScheduleDocument::episodeId)
                .collect(Collectors.toSet());
        return ids.stream().filter(open::contains).toList();
    }
}
