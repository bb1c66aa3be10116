package org.carepath.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.carepath.local.infra.InfraPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortsTest {

    @Test
    void passesWhenEveryPortIsFree() {
        List<NamedPort> wanted = List.of(new NamedPort("Kafka broker", FreePorts.next()));

        assertThatCode(() -> Ports.requireFree(wanted)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "a listener on {0}")
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0"})
    void namesTheTakenPortInOneLine(String listenerAddress) throws IOException {
        try (ServerSocket taken = listenOn(listenerAddress)) {
            int port = taken.getLocalPort();
            List<NamedPort> wanted =
                    List.of(new NamedPort("MongoDB", FreePorts.next()), new NamedPort("Kafka broker", port));

            assertThatThrownBy(() -> Ports.requireFree(wanted))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageStartingWith("port " + port + " (Kafka broker) is already in use")
                    .hasMessageNotContaining("\n")
                    .extracting(e -> ((PortInUseException) e).busy())
                    .isEqualTo(List.of(new NamedPort("Kafka broker", port)));
        }
    }

    @Test
    void namesEveryTakenPort() throws IOException {
        try (ServerSocket kafka = listenOn("127.0.0.1");
                ServerSocket mongodb = listenOn("127.0.0.1")) {
            List<NamedPort> wanted = List.of(
                    new NamedPort("Kafka broker", kafka.getLocalPort()),
                    new NamedPort("MongoDB", mongodb.getLocalPort()));

            assertThatThrownBy(() -> Ports.requireFree(wanted))
                    .hasMessageStartingWith("ports " + kafka.getLocalPort() + " (Kafka broker), "
                            + mongodb.getLocalPort() + " (MongoDB) are already in use");
        }
    }

    @Test
    void theStackChecksTheServicePortsToo() throws IOException {
        try (ServerSocket triage = listenOn("127.0.0.1")) {
            InfraPorts infra = new InfraPorts(FreePorts.next(), FreePorts.next(), FreePorts.next());
            Map<CarepathService, Integer> services = Map.of(CarepathService.TRIAGE, triage.getLocalPort());

            assertThatThrownBy(() -> LocalStack.requireFreePorts(infra, services))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(triage.getLocalPort() + " (triage-service)");
        }
    }

    @Test
    void aFreedPortIsFreeAgain() throws IOException {
        int port;
        try (ServerSocket once = listenOn("127.0.0.1")) {
            port = once.getLocalPort();
        }

        assertThat(Ports.isFree(port)).isTrue();
    }

    private static ServerSocket listenOn(String address) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        return socket;
    }
}
