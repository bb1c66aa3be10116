package org.carepath.platform.outbox;

import java.util.List;
import org.carepath.platform.messaging.OutboxMessage;

/**
 * A MongoDB document that carries the events its last changes caused, not yet published. Written only through
 * {@link OutboxStore}, which hands those events to the relay as soon as the write is acknowledged.
 */
public interface WithOutbox {

    List<OutboxMessage> outbox();
}
