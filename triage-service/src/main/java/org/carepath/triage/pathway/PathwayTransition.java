package org.carepath.triage.pathway;

import org.carepath.events.triage.TriageDecided;

/**
 * The outcome of offering an input to an {@link EpisodePathway}: {@link Decided} with the next state and the decision
 * to publish, or {@link Refused} with the unchanged state and a typed reason.
 */
public sealed interface PathwayTransition permits PathwayTransition.Decided, PathwayTransition.Refused {

    /** The pathway after the transition: the next state, or the unchanged one when refused. */
    EpisodePathway pathway();

    /** The input was taken: {@code pathway} holds it and ends with {@code decision}. */
    record Decided(EpisodePathway pathway, TriageDecided decision) implements PathwayTransition {}

    /** The input was not taken: {@code pathway} is unchanged and no decision is made. */
    record Refused(EpisodePathway pathway, Refusal refusal) implements PathwayTransition {}
}
