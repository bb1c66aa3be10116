package org.carepath.triage.pathway;

/** Why a pathway did not take an input. The pathway is unchanged and no decision is made. */
public enum Refusal {
    /** The input names another episode. */
    OTHER_EPISODE("the input belongs to another episode"),
    /** The check-in or finding, by its id, is already recorded: a redelivery. */
    ALREADY_RECORDED("the input is already recorded"),
    /** The episode is RECOVERED: only a check-in with a red flag reopens it (clinical-rules.md §10). */
    EPISODE_CLOSED("the episode is recovered and closed; only a check-in with a red flag reopens it");

    private final String explanation;

    Refusal(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
