package org.carepath.scheduling.adapters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.carepath.scheduling.booking.Appointment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/episodes/{episodeId}")
@Tag(name = "Episode schedules", description = "What each episode has booked and what still waits for a slot")
class EpisodeScheduleController {

    private final EpisodeSchedules schedules;

    EpisodeScheduleController(EpisodeSchedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/appointments")
    @Operation(summary = "An episode's appointments, booked and cancelled, earliest first; [] if none")
    List<AppointmentView> appointments(@PathVariable String episodeId) {
        return schedules.find(episodeId).map(EpisodeScheduleDocument::appointments).orElse(List.of()).stream()
                .sorted(Comparator.comparing(Appointment::start).thenComparing(Appointment::appointmentId))
                .map(AppointmentView::of)
                .toList();
    }

    @GetMapping("/waitlist")
    @Operation(summary = "An episode's waitlist entries still waiting for a slot; [] if none")
    List<WaitlistEntryView> waitlist(@PathVariable String episodeId) {
        return schedules
                .find(episodeId)
                .map(stored -> stored.schedule().bookings().waiting())
                .orElse(List.of())
                .stream()
                .map(WaitlistEntryView::of)
                .toList();
    }
}
