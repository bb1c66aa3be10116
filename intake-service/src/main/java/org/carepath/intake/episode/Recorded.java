package org.carepath.intake.episode;

/**
 * What a check-in or finding added to an episode: its id, and whether the episode was already closed (RECOVERED)
 * when it arrived, as read in the same step that stored it.
 */
record Recorded(String id, boolean episodeClosed) {}
