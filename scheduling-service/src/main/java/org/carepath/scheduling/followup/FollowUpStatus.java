package org.carepath.scheduling.followup;

public enum FollowUpStatus {
    PENDING,
    SENT,
    CANCELLED
}
