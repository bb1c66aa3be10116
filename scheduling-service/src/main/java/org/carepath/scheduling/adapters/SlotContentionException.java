package org.carepath.scheduling.adapters;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Every plan lost a slot to a concurrent booking, or a slot was lost while its booking was in flight: transient, so
 * the event is retried later (with back-off) as a whole, never dead-lettered.
 */
class SlotContentionException extends ConcurrencyFailureException {

    SlotContentionException(String episodeId, int plans) {
        super("episode " + episodeId + ": " + plans + " plans in a row lost a slot to concurrent bookings");
    }

    SlotContentionException(String episodeId, String slotId) {
        super("episode " + episodeId + ": slot " + slotId + " went to another booking while this one was in flight");
    }
}
