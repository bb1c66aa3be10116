package org.carepath.events.billing;

/** Why a line is on an estimate. */
public enum LineSource {
    APPOINTMENT,
    CANDIDATE_PROCEDURE,
    REQUESTED_SERVICE
}
