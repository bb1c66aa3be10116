package org.carepath.triage.rules;

import org.carepath.events.intake.Bothersomeness;
import org.carepath.events.intake.StartBack;

/** Object Mother for STarT Back answers (clinical-rules.md §11). */
public final class StartBacks {

    private StartBacks() {}

    /** Total 1, subscale 0. */
    public static StartBack lowRisk() {
        return new StartBack(true, false, false, false, false, false, false, false, Bothersomeness.SLIGHTLY);
    }

    /** Total 4 from items 1–4, subscale 0. */
    public static StartBack mediumRisk() {
        return new StartBack(true, true, true, true, false, false, false, false, Bothersomeness.MODERATELY);
    }

    /** Subscale 4: items 5, 6, 7 and a very bothersome item 9. */
    public static StartBack highRisk() {
        return new StartBack(false, false, false, false, true, true, true, false, Bothersomeness.VERY_MUCH);
    }

    /** Total 3 with a subscale of 3: just under both bars. */
    public static StartBack justUnderBothBars() {
        return new StartBack(false, false, false, false, true, true, false, false, Bothersomeness.EXTREMELY);
    }
}
