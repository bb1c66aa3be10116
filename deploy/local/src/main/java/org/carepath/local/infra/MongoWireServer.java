package org.carepath.local.infra;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.carepath.local.store.H2Import;
import org.carepath.local.store.LogStore;
import org.carepath.local.store.LoggedBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in memory and in a journal with snapshots under
 * one folder ({@link LogStore}), so it survives a restart. No multi-document transactions (STACK.md).
 */
public final class MongoWireServer implements AutoCloseable {

    static final String NETTY_CHECK_ACCESSIBLE = "io.netty.buffer.checkAccessible";

    /**
     * The server answers each command on the event-loop thread of its connection, so one long command (a read-model
     * batch rewriting large documents) held up every connection sharing that thread: with Netty's default of two per
     * core, a quarter of all. With a thread for each connection the services open, it holds up only its own. Idle
     * event loops cost nothing.
     */
    static final int EVENT_LOOPS = 64;

    static {
        // Netty checks on every byte read or written that the buffer was not released: profiled under the benchmark,
        // a tenth of the wire server's time. The server's buffers are never used after their release. Read when
        // Netty's buffers are first loaded, which the server does; a value given on the command line wins.
        if (System.getProperty(NETTY_CHECK_ACCESSIBLE) == null) {
            System.setProperty(NETTY_CHECK_ACCESSIBLE, "false");
        }
    }

    private final MongoServer server;
    private final String connectionString;

    private MongoWireServer(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /**
     * @param folder the store's folder, e.g. {@code .carepath/mongodb}; created when absent
     * @param port the port to listen on, on 127.0.0.1
     */
    public static MongoWireServer start(Path folder, int port) {
        LogStore store = LogStore.open(folder, LogStore.MIN_COMPACT_BYTES);
        H2Import.ifPresent(folder, store);
        MongoServer server = new MongoServer(new LoggedBackend(store));
        try {
            server.bind(new InetSocketAddress("127.0.0.1", port), 1, EVENT_LOOPS);
        } catch (RuntimeException bindFailed) {
            server.shutdownNow();
            throw bindFailed;
        }
        return new MongoWireServer(server, "mongodb://127.0.0.1:" + port);
    }

    /** {@code mongodb://127.0.0.1:<port>}, with no database: each service picks its own. */
    public String connectionString() {
        return connectionString;
    }

    /** Closes the connections and the store, whose journal holds every write answered. */
    @Override
    public void close() {
        server.shutdown();
    }
}
