package org.carepath.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An in-memory MongoDB wire server on a free port, with a client and a template on one database, that counts what
 * the work costs: the full scans the server made ({@link ScanCountingBackend}) and the commands the client sent.
 * For the unit tests that prove a read goes by {@code _id} and a change is one write. Close it after each test.
 */
public final class CountingWireServer implements AutoCloseable {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private final String database;
    private final ScanCountingBackend backend = new ScanCountingBackend();
    private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();
    private final MongoServer server = new MongoServer(backend);
    private final MongoClient client;
    private final MongoTemplate template;

    private CountingWireServer(String database) {
        this.database = database;
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), name -> new AtomicLong())
                        .incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(counter)
                .build());
        template = new MongoTemplate(client, database);
    }

    /** A server with an empty {@code database}, the template's. */
    public static CountingWireServer start(String database) {
        return new CountingWireServer(database);
    }

    public MongoTemplate template() {
        return template;
    }

    /** Full scans of {@code collection} of the template's database so far. */
    public long fullScans(String collection) {
        return backend.fullScans(database, collection);
    }

    /** Full scans so far of every collection of the template's database. */
    public long fullScans() {
        return backend.fullScans(database);
    }

    /** Full scans so far per collection of the template's database. */
    public Map<String, Long> fullScansByCollection() {
        return backend.fullScansByCollection(database);
    }

    /** Write commands ({@code insert}, {@code update}, {@code delete}, {@code findAndModify}) sent so far. */
    public long writeCommands() {
        return WRITES.stream().mapToLong(this::commands).sum();
    }

    /** Commands of this name ({@code find}, {@code update}, ...) sent so far. */
    public long commands(String name) {
        AtomicLong count = commands.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
