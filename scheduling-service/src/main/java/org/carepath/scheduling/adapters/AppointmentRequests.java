package org.carepath.scheduling.adapters;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carepath.events.scheduling.AppointmentType;

/** The bodies of the appointment commands. */
final class AppointmentRequests {

    private AppointmentRequests() {}

    record Book(@NotBlank String episodeId, @NotBlank String slotId, @NotNull AppointmentType type) {}

    record Reschedule(@NotBlank String slotId) {}

    /** Optional body of a cancellation. */
    record Cancel(@Size(max = 200) String reason) {}
}
