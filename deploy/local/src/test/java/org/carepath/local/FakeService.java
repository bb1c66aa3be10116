package org.carepath.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a service jar: answers the readiness probe on {@code SERVER_PORT} and shows on {@code /env} the
 * addresses it was given (broker, database, token issuer). It prints its pid, so a test can check that it was stopped.
 */
public final class FakeService {

    private FakeService() {}

    public static void main(String[] args) throws IOException {
        System.out.println("pid=" + ProcessHandle.current().pid());
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext(
                "/env",
                exchange -> answer(
                        exchange,
                        System.getenv("KAFKA_BOOTSTRAP_SERVERS") + " " + System.getenv("MONGODB_URI") + " "
                                + System.getenv("CAREPATH_ISSUER_URI") + " "
                                + System.getenv("CAREPATH_OUTBOX_RECOVERYINTERVAL") + " "
                                + System.getenv("CAREPATH_OUTBOX_FIRSTRECOVERYAFTER")));
        server.start();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A service that fails at start-up, as one with a bad configuration does. */
    public static final class Crashing {

        public static void main(String[] args) {
            System.out.println("pid=" + ProcessHandle.current().pid());
            System.exit(3);
        }
    }

    /** A service that stays alive but never becomes ready, as one waiting for an unreachable broker does. */
    public static final class NeverReady {

        public static void main(String[] args) throws InterruptedException {
            System.out.println("pid=" + ProcessHandle.current().pid());
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }
}
