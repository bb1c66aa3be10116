package org.carepath.local;

import java.util.List;
import java.util.stream.Collectors;

/** One or more ports the stack needs are taken: the message is one line naming each of them. */
public final class PortInUseException extends RuntimeException {

    private final transient List<NamedPort> busy;

    PortInUseException(List<NamedPort> busy) {
        super(message(busy));
        this.busy = List.copyOf(busy);
    }

    public List<NamedPort> busy() {
        return busy;
    }

    private static String message(List<NamedPort> busy) {
        String ports = busy.stream().map(NamedPort::toString).collect(Collectors.joining(", "));
        boolean one = busy.size() == 1;
        return (one ? "port " : "ports ") + ports + (one ? " is" : " are") + " already in use on this machine; stop"
                + " whatever holds " + (one ? "it" : "them") + " (another Carepath stack?) and try again";
    }
}
