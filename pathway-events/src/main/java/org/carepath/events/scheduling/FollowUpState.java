package org.carepath.events.scheduling;

public enum FollowUpState {
    PENDING,
    SENT,
    CANCELLED
}
