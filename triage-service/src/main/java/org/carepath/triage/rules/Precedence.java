package org.carepath.triage.rules;

import org.carepath.events.triage.Disposition;

/**
 * §10 EMERGENCY > SURGICAL_CONSULT > CHEMODENERVATION_CONSULT > SPECIALIST_REFERRAL > CONSERVATIVE_CARE: the enum
 * lists them from most to least urgent.
 */
final class Precedence {

    private Precedence() {}

    /** The more urgent of two dispositions; {@code null} stands for "no proposal". */
    static Disposition mostUrgent(Disposition current, Disposition proposed) {
        if (current == null) {
            return proposed;
        }
        if (proposed == null) {
            return current;
        }
        return proposed.ordinal() < current.ordinal() ? proposed : current;
    }

    static boolean isReferral(Disposition disposition) {
        return disposition == Disposition.SURGICAL_CONSULT
                || disposition == Disposition.CHEMODENERVATION_CONSULT
                || disposition == Disposition.SPECIALIST_REFERRAL;
    }
}
