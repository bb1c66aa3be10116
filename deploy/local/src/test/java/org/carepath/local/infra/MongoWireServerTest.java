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

/** The tuned file-backed wire server: every document found by its keys, across restarts and from an older file. */
class MongoWireServerTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void findsEveryDocumentByItsUniqueKeysAndAfterARestart() {
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

        // and: the file opened again finds each document, whole, by both keys
        try (MongoWireServer server = MongoWireServer.start(file, FreePorts.next());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            for (int i = 0; i < ids.size(); i++) {
                assertThat(episodes.find(new Document("_id", ids.get(i)).append("version", (long) i))
                                .first())
                        .isEqualTo(new Document("_id", ids.get(i)).append("version", (long) i));
            }
        }
    }

    @Test
    void readsAFileThePlainBackendWroteAndKeepsItReadableAsItRewritesIt() {
        Path file = dataDir.resolve("carepath.mv");

        // given: a file written by mongo-java-server's own H2 backend (the format before BSON documents)
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            for (int i = 0; i < DOCUMENTS; i++) {
                episodes.insertOne(new Document("_id", "ep-" + i).append("status", "REPORTED"));
            }
        } finally {
            plain.shutdown();
        }

        // when: the tuned server reads it and rewrites every other document
        try (MongoWireServer server = MongoWireServer.start(file, FreePorts.next());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            assertThat(episodes.countDocuments()).isEqualTo(DOCUMENTS);
            for (int i = 0; i < DOCUMENTS; i += 2) {
                episodes.updateOne(
                        new Document("_id", "ep-" + i), new Document("$set", new Document("status", "TRIAGED")));
            }
        }

        // then: after a restart, old and rewritten documents alike read back whole
        try (MongoWireServer server = MongoWireServer.start(file, FreePorts.next());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            for (int i = 0; i < DOCUMENTS; i++) {
                assertThat(episodes.find(new Document("_id", "ep-" + i)).first())
                        .isEqualTo(
                                new Document("_id", "ep-" + i).append("status", i % 2 == 0 ? "TRIAGED" : "REPORTED"));
            }
        }
    }
}
