package org.carepath.scheduling;

import java.time.Duration;
import java.time.LocalTime;
import org.carepath.scheduling.followup.QuietHours;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directoryFile the directory data: a file path, or {@code classpath:<resource>}; empty = the bundled
 *     {@code directory/directory.json}
 * @param followUpDispatchInterval the longest the dispatcher sleeps before it looks at the timers again (it wakes
 *     earlier for the next timer it knows of; follow-ups already due when planned go out with the change itself)
 * @param waitlistRetryInterval how often waiting entries are tried again against new availability
 * @param slotSearchDefaultDays the range of {@code GET /api/v1/slots} when {@code to} is left out
 * @param slotSearchMaxDays the longest range {@code GET /api/v1/slots} accepts
 * @param slotSearchHorizonDays how far ahead of now {@code GET /api/v1/slots} may look
 * @param messaging when follow-ups may go out
 */
@ConfigurationProperties("carepath.scheduling")
public record SchedulingProperties(
        @DefaultValue("") String directoryFile,
        @DefaultValue("30s") Duration followUpDispatchInterval,
        @DefaultValue("15m") Duration waitlistRetryInterval,
        @DefaultValue("14") int slotSearchDefaultDays,
        @DefaultValue("31") int slotSearchMaxDays,
        @DefaultValue("730") int slotSearchHorizonDays,
        @DefaultValue Messaging messaging) {

    /**
     * MSG-QUIET (chosen): no follow-up but MSG-ER goes out from {@code quietFrom} until {@code quietUntil} (New York
     * time); one due then goes out at {@code quietUntil}.
     */
    public record Messaging(@DefaultValue("20:00") LocalTime quietFrom, @DefaultValue("09:00") LocalTime quietUntil) {

        public QuietHours quietHours() {
            return new QuietHours(quietFrom, quietUntil);
        }
    }
}
