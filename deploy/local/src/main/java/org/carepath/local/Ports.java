package org.carepath.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Checks the ports before anything starts, so a taken port is a clear error and not a hang half-way up. */
public final class Ports {

    private Ports() {}

    /** @throws PortInUseException naming every port of {@code wanted} that is taken */
    public static void requireFree(List<NamedPort> wanted) {
        List<NamedPort> busy =
                wanted.stream().filter(named -> !isFree(named.port())).toList();
        if (!busy.isEmpty()) {
            throw new PortInUseException(busy);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // Reuse lets a port that only has TIME_WAIT leftovers from our last run count as free, as it
            // is for the servers that bind it next; a listener still fails the bind.
            probe.setReuseAddress(true);
            // The wildcard address collides with listeners on loopback and on all interfaces alike.
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
