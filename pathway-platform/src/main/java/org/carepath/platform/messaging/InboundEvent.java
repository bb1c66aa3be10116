package org.carepath.platform.messaging;

/**
 * An event as a consumer receives it: its CloudEvents id (the de-duplication key), type, subject and payload.
 */
public record InboundEvent<T>(String eventId, String type, String subject, T payload) {}
