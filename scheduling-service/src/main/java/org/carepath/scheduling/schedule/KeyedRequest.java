package org.carepath.scheduling.schedule;

/**
 * An online booking, move or cancellation made under a client's {@code Idempotency-Key}: a retry under the key
 * answers {@code appointmentId} as it stands, another request under it is refused.
 */
public record KeyedRequest(String key, String requestHash, String appointmentId) {}
