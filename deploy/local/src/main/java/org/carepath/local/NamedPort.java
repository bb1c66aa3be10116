package org.carepath.local;

/** A TCP port on this machine and what the stack wants it for, so an error can say both. */
public record NamedPort(String purpose, int port) {

    @Override
    public String toString() {
        return port + " (" + purpose + ")";
    }
}
