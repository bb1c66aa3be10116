package org.carepath.scheduling.booking;

/** A waiting entry together with its episode's current bookings, so serving it keeps them apart and in order. */
public record WaitlistCandidate(WaitlistEntry entry, EpisodeBookings episodeBookings) {}
