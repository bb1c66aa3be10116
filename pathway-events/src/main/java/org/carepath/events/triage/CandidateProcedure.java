package org.carepath.events.triage;

/**
 * A procedure the decision puts on the table. {@code condition} is {@code null} when the referral is for the
 * procedure now, and e.g. "IF_CONSERVATIVE_CARE_FAILS" when it is only listed (clinical-rules.md §9).
 */
public record CandidateProcedure(String cpt, String rule, String description, String condition) {}
