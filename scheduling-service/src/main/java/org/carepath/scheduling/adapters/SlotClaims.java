package org.carepath.scheduling.adapters;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.carepath.platform.persistence.BulkWrites;
import org.carepath.scheduling.booking.Appointment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code slot_claims} collection: who holds which slot. */
@Component
class SlotClaims {

    private final MongoTemplate mongo;

    SlotClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Claims the appointment's slot. True when it is now held for this appointment, including when an earlier
     * attempt (a retry, a redelivery, another instance handling the same decision) already claimed it for the
     * same appointment id; false when another appointment holds it.
     */
    boolean claim(Appointment appointment, Instant now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                mongo.insert(claimOf(appointment, now));
                return true;
            } catch (DuplicateKeyException held) {
                SlotClaim holder = mongo.findById(appointment.slotId(), SlotClaim.class);
                if (holder != null) {
                    // ours, from an earlier attempt: its time is refreshed, so the sweep does not take it from a
                    // late redelivery as an orphan
                    return holder.appointmentId().equals(appointment.appointmentId())
                            && refresh(appointment.slotId(), appointment.appointmentId(), now);
                }
                // released between our insert and our look: try once more
            }
        }
        return false;
    }

    /**
     * Claims every appointment's slot in one unordered insert; an insert refused as a duplicate is looked at alone as
     * {@link #claim} does (ours from an earlier attempt, or another appointment's). Returns the slots now held for
     * their appointment. One round trip when nothing is contended, instead of one per appointment.
     */
    Set<String> claimAll(List<Appointment> appointments, Instant now) {
        if (appointments.size() < 2) {
            return appointments.isEmpty() || !claim(appointments.get(0), now)
                    ? Set.of()
                    : Set.of(appointments.get(0).slotId());
        }
        BulkOperations inserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SlotClaim.class);
        appointments.forEach(appointment -> inserts.insert(claimOf(appointment, now)));
        Set<Integer> refused = BulkWrites.refusedAsDuplicates(inserts);
        Set<String> held = new HashSet<>();
        for (int i = 0; i < appointments.size(); i++) {
            Appointment appointment = appointments.get(i);
            if (!refused.contains(i) || claim(appointment, now)) {
                held.add(appointment.slotId());
            }
        }
        return held;
    }

    /**
     * Marks the appointment's claim of the slot as claimed {@code now}; false when it no longer holds it. The filter
     * is exactly the unique index {@code _id_appointment}.
     */
    boolean refresh(String slotId, String appointmentId, Instant now) {
        return mongo.updateFirst(
                                query(where("_id")
                                        .is(slotId)
                                        .and("appointmentId")
                                        .is(appointmentId)),
                                Update.update("claimedAt", now),
                                SlotClaim.class)
                        .getMatchedCount()
                > 0;
    }

    /**
     * Frees a claim as the sweep saw it: not if it was claimed again (refreshed) since. The filter is exactly the
     * unique index {@code _id_appointment_claimed}.
     */
    boolean releaseAsSeen(SlotClaim seen) {
        return mongo.remove(
                                query(where("_id")
                                        .is(seen.slotId())
                                        .and("appointmentId")
                                        .is(seen.appointmentId())
                                        .and("claimedAt")
                                        .is(seen.claimedAt())),
                                SlotClaim.class)
                        .getDeletedCount()
                > 0;
    }

    /** Frees a slot if (and only if) this appointment holds it; true when something was freed. */
    boolean release(String slotId, String appointmentId) {
        return mongo.remove(query(where("_id").is(slotId).and("appointmentId").is(appointmentId)), SlotClaim.class)
                        .getDeletedCount()
                > 0;
    }

    /** Whether any appointment holds this slot: one read by {@code _id}. */
    boolean isHeld(String slotId) {
        return mongo.exists(query(where("_id").is(slotId)), SlotClaim.class);
    }

    /** The claims on these slots, if any: one read by {@code _id}. */
    List<SlotClaim> claimsOn(Collection<String> slotIds) {
        if (slotIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(slotIds)), SlotClaim.class);
    }

    /** Who holds which of these slots (slot id → appointment id); a free slot is absent. One read by {@code _id}. */
    Map<String, String> holders(Collection<String> slotIds) {
        if (slotIds.isEmpty()) {
            return Map.of();
        }
        Query claimed = query(where("_id").in(slotIds));
        claimed.fields().include("_id").include("appointmentId");
        return mongo.find(claimed, Document.class, SlotClaim.COLLECTION).stream()
                .collect(Collectors.toMap(claim -> claim.getString("_id"), claim -> claim.getString("appointmentId")));
    }

    /** Which of these slots are claimed, except by these appointments: one read by {@code _id}. */
    Set<String> takenAmong(Collection<String> slotIds, Set<String> ownAppointmentIds) {
        if (slotIds.isEmpty()) {
            return Set.of();
        }
        Query claimed = query(where("_id").in(slotIds));
        claimed.fields().include("_id").include("appointmentId");
        return mongo.find(claimed, Document.class, SlotClaim.COLLECTION).stream()
                .filter(claim -> !ownAppointmentIds.contains(claim.getString("appointmentId")))
                .map(claim -> claim.getString("_id"))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static SlotClaim claimOf(Appointment appointment, Instant now) {
        return new SlotClaim(
                appointment.slotId(),
                appointment.start(),
                appointment.end(),
                appointment.providerId(),
                appointment.episodeId(),
                appointment.appointmentId(),
                now);
    }
}
