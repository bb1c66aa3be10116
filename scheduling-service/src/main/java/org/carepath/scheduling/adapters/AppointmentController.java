package org.carepath.scheduling.adapters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.carepath.platform.audit.AuditedEpisode;
import org.carepath.platform.security.OwnEpisodes;
import org.carepath.platform.web.IdempotencyKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "Appointments", description = "Book, move and cancel appointments online")
class AppointmentController {

    private final OnlineBooking booking;
    private final OwnEpisodes ownEpisodes;

    AppointmentController(OnlineBooking booking, OwnEpisodes ownEpisodes) {
        this.booking = booking;
        this.ownEpisodes = ownEpisodes;
    }

    @PostMapping
    @Operation(summary = "Book an open slot for an episode; an Idempotency-Key makes retries safe")
    @ApiResponse(
            responseCode = "201",
            description = "Booked (or, for a retry under its Idempotency-Key, booked before)")
    @ApiResponse(responseCode = "400", description = "Unknown or past slot, or a type the slot does not suit")
    @ApiResponse(
            responseCode = "409",
            description = "The slot is taken, the patient has an appointment then, or the Idempotency-Key was used"
                    + " with another request")
    @ApiResponse(responseCode = "422", description = "An episode scheduling has no triage decision for")
    ResponseEntity<AppointmentView> book(
            @Valid @RequestBody AppointmentRequests.Book request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        // A patient books only for their own episode; another's is answered as if it did not exist.
        ownEpisodes.require(request.episodeId());
        AuditedEpisode.is(request.episodeId());
        var appointment = booking.book(
                request.episodeId(), request.slotId(), request.type(), IdempotencyKeys.checked(idempotencyKey));
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointment.appointmentId()))
                .body(AppointmentView.of(appointment));
    }

    @GetMapping("/{appointmentId}")
    @Operation(summary = "One appointment; 404 if unknown")
    AppointmentView appointment(@PathVariable String appointmentId) {
        return AppointmentView.of(booking.find(appointmentId));
    }

    @PostMapping("/{appointmentId}/reschedule")
    @Operation(
            summary = "Move a booked appointment to another open slot; its old slot serves the waitlist; an"
                    + " Idempotency-Key makes retries safe")
    @ApiResponse(responseCode = "200", description = "Moved")
    @ApiResponse(responseCode = "404", description = "Unknown appointment")
    @ApiResponse(
            responseCode = "409",
            description = "The slot is taken, the appointment is cancelled, or the Idempotency-Key was used with"
                    + " another request")
    AppointmentView reschedule(
            @PathVariable String appointmentId,
            @Valid @RequestBody AppointmentRequests.Reschedule request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return AppointmentView.of(
                booking.reschedule(appointmentId, request.slotId(), IdempotencyKeys.checked(idempotencyKey)));
    }

    @PostMapping("/{appointmentId}/cancel")
    @Operation(
            summary = "Cancel an appointment (body optional: {\"reason\"}); its slot serves the waitlist; an"
                    + " Idempotency-Key makes retries safe")
    @ApiResponse(responseCode = "200", description = "Cancelled (or already was)")
    @ApiResponse(responseCode = "404", description = "Unknown appointment")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used with another request")
    AppointmentView cancel(
            @PathVariable String appointmentId,
            @Valid @RequestBody(required = false) AppointmentRequests.Cancel request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return AppointmentView.of(booking.cancel(
                appointmentId, request == null ? null : request.reason(), IdempotencyKeys.checked(idempotencyKey)));
    }
}
