package org.carepath.scheduling.schedule;

import org.carepath.scheduling.booking.BookingPlanner;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.carepath.scheduling.followup.QuietHours;

/** The rules a schedule's transitions apply: what a decision books (§3–4), and the follow-ups it plans (§6). */
public record ScheduleRules(BookingPlanner bookings, FollowUpPlanner followUps) {

    public QuietHours quietHours() {
        return followUps.quietHours();
    }
}
