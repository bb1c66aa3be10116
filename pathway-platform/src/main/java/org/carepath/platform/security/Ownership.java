package org.carepath.platform.security;

/** How a request names the episode a {@code patient} token may reach only if it is their own. */
public enum Ownership {
    /** Patients have no own-episode right on this endpoint. */
    NONE,
    /** The path variable {@code episodeId}. */
    EPISODE_IN_PATH,
    /** The path variable {@code appointmentId}: the episode is the appointment's. */
    APPOINTMENT_IN_PATH,
    /** A field of the body: the controller checks it with {@link OwnEpisodes#require(String)}. */
    EPISODE_IN_BODY
}
