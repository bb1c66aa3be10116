package org.carepath.events.intake;

/** The Keele STarT Back Screening Tool answers (clinical-rules.md §11). */
public record StartBack(
        boolean legPain,
        boolean shoulderNeckPain,
        boolean walkedShortDistances,
        boolean dressedSlowly,
        boolean notSafeToBeActive,
        boolean worryingThoughts,
        boolean terribleNeverBetter,
        boolean notEnjoyed,
        Bothersomeness bothersomeness) {}
