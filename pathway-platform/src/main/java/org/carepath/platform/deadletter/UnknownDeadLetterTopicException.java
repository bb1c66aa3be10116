package org.carepath.platform.deadletter;

import java.util.Collection;
import org.carepath.platform.web.InvalidFieldException;

/** A replay asked for a topic this service does not dead-letter to. */
class UnknownDeadLetterTopicException extends InvalidFieldException {

    UnknownDeadLetterTopicException(String topic, Collection<String> known) {
        super("topic", "is not a dead-letter topic of this service; one of " + String.join(", ", known));
    }
}
