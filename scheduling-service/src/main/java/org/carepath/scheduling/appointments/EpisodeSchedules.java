package org.carepath.scheduling.appointments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.carepath.scheduling.booking.WaitlistStatus;
import org.carepath.scheduling.directory.Slot;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads and writes of {@code episode_schedules} beyond find-by-id. */
@Component
class EpisodeSchedules {

    static final int WAITLIST_CANDIDATES = 100;

    private final EpisodeScheduleRepository repository;
    private final MongoTemplate mongo;

    EpisodeSchedules(EpisodeScheduleRepository repository, MongoTemplate mongo) {
        this.repository = repository;
        this.mongo = mongo;
    }

    Optional<EpisodeSchedule> find(String episodeId) {
        return repository.findById(episodeId);
    }

    /** Saves with the version read: a concurrent writer makes it fail, and the caller reads again. */
    EpisodeSchedule save(EpisodeSchedule schedule) {
        return repository.save(schedule);
    }

    Optional<EpisodeSchedule> holding(String appointmentId) {
        return Optional.ofNullable(
                mongo.findOne(query(where("appointments.appointmentId").is(appointmentId)), EpisodeSchedule.class));
    }

    /** Episodes with an entry waiting for a slot of this specialty that starts within the entry's window. */
    List<EpisodeSchedule> waitingFor(Slot slot) {
        Query waiting = query(where("waitlist")
                        .elemMatch(where("status")
                                .is(WaitlistStatus.WAITING)
                                .and("specialty")
                                .is(slot.specialty())
                                .and("windowStart")
                                .lte(slot.start())
                                .and("windowEnd")
                                .gt(slot.start())))
                .limit(WAITLIST_CANDIDATES);
        return mongo.find(waiting, EpisodeSchedule.class);
    }

    /** Ids of episodes with an entry still waiting whose window has not closed, for a periodic retry. */
    List<String> withOpenWaitlist(Instant now, int limit) {
        Query waiting = query(where("waitlist")
                        .elemMatch(where("status")
                                .is(WaitlistStatus.WAITING)
                                .and("windowEnd")
                                .gt(now)))
                .limit(limit);
        waiting.fields().include("_id");
        return mongo.find(waiting, Document.class, EpisodeSchedule.COLLECTION).stream()
                .map(document -> document.getString("_id"))
                .toList();
    }
}
