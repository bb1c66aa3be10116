package org.carepath.local.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.SerializedOnceH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in one H2 MVStore file, so it survives a
 * restart. No multi-document transactions (STACK.md).
 */
public final class MongoWireServer implements AutoCloseable {

    static final int CACHE_MB = 256;
    static final String NETTY_CHECK_ACCESSIBLE = "io.netty.buffer.checkAccessible";

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
     * @param databaseFile the H2 file, e.g. {@code .carepath/mongodb/carepath.mv}; its folder is created when absent
     * @param port the port to listen on, on 127.0.0.1
     */
    public static MongoWireServer start(Path databaseFile, int port) {
        try {
            Files.createDirectories(databaseFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + databaseFile, e);
        }
        MongoServer server = new MongoServer(new SerializedOnceH2Backend(openStore(databaseFile)));
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException bindFailed) {
            server.shutdownNow();
            throw bindFailed;
        }
        return new MongoWireServer(server, "mongodb://127.0.0.1:" + port);
    }

    /**
     * The H2 store with a cache that holds the working set, so that a read by {@code _id} rarely goes to disk (with
     * H2's 16 MB the benchmark's end-to-end p99 at 100/s was ~8 times worse). The write side keeps H2's defaults: a
     * store also tuned for writes (8 MB write buffer, compression) wrote a 2.9 GB file under the benchmark that
     * could not be opened again ("chunk not found") after the stack was stopped.
     */
    static MVStore openStore(Path databaseFile) {
        return new MVStore.Builder()
                .fileName(databaseFile.toString())
                .cacheSize(CACHE_MB)
                .open();
    }

    /** {@code mongodb://127.0.0.1:<port>}, with no database: each service picks its own. */
    public String connectionString() {
        return connectionString;
    }

    /** Closes the connections and the H2 file, which keeps every committed write. */
    @Override
    public void close() {
        server.shutdown();
    }
}
