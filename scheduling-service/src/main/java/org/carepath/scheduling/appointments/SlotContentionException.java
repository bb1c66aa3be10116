package org.carepath.scheduling.appointments;

/** Every plan lost a slot to a concurrent booking: the event is retried later (with back-off) as a whole. */
class SlotContentionException extends RuntimeException {

    SlotContentionException(String episodeId, int plans) {
        super("episode " + episodeId + ": " + plans + " plans in a row lost a slot to concurrent bookings");
    }
}
