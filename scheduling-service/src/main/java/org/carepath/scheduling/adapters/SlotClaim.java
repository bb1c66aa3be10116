package org.carepath.scheduling.adapters;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A booked slot, keyed by its slot id: the unique {@code _id} is what keeps a provider from being double-booked
 * across instances (scheduling-rules §4.2, §4.4). Written before the episode document that books it, deleted
 * after the document that frees it. A claim is freed by {@code {_id, appointmentId}}; the unique index on the pair
 * serves that filter on the wire server too, which keeps no other kind of index (STACK.md); the sweep frees one only
 * as it saw it, by {@code {_id, appointmentId, claimedAt}}, its own unique index for the same reason.
 */
@Document(SlotClaim.COLLECTION)
// the type hint stored before the adapters' package had its name: stored documents stay as they were
@TypeAlias("org.carepath.scheduling.appointments.SlotClaim")
@CompoundIndex(name = "_id_appointment", def = "{'_id': 1, 'appointmentId': 1}", unique = true)
@CompoundIndex(name = "_id_appointment_claimed", def = "{'_id': 1, 'appointmentId': 1, 'claimedAt': 1}", unique = true)
record SlotClaim(
        @Id String slotId,
        Instant start,
        Instant end,
        String providerId,
        String episodeId,
        @Indexed String appointmentId,
        Instant claimedAt) {

    static final String COLLECTION = "slot_claims";
}
