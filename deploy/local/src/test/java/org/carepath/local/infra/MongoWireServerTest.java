package org.carepath.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.carepath.local.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tuned file-backed wire server: every document found by its keys, and its file readable by the plain backend. */
class MongoWireServerTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void findsEveryDocumentByItsUniqueKeysAndLeavesAFileThePlainBackendReadsAlike() {
        Path file = dataDir.resolve("carepath.mv");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            ids.add(i % 3 == 0 ? "ep-" + i : UUID.randomUUID().toString());
        }

        // given: documents stored through the tuned server, with a second unique index as the services declare
        try (MongoWireServer server = MongoWireServer.start(file, FreePorts.next());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            episodes.createIndex(
                    Indexes.ascending("_id", "version"),
                    new IndexOptions().unique(true).name("_id_version"));
            for (int i = 0; i < ids.size(); i++) {
                episodes.insertOne(new Document("_id", ids.get(i)).append("version", (long) i));
            }

            // then: each is found by _id and by {_id, version}, and a wrong version finds nothing
            for (int i = 0; i < ids.size(); i++) {
                assertThat(episodes.find(new Document("_id", ids.get(i))).first())
                        .isNotNull();
                assertThat(episodes.find(new Document("_id", ids.get(i)).append("version", (long) i))
                                .first())
                        .isNotNull();
                assertThat(episodes.find(new Document("_id", ids.get(i)).append("version", -1L))
                                .first())
                        .isNull();
            }
        }

        // and: the same file opened by mongo-java-server's own H2 backend finds them alike (same key order on disk)
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            for (int i = 0; i < ids.size(); i++) {
                assertThat(episodes.find(new Document("_id", ids.get(i)).append("version", (long) i))
                                .first())
                        .isNotNull();
            }
        } finally {
            plain.shutdown();
        }
    }
}
