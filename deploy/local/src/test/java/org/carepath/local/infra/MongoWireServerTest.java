package org.carepath.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.DuplicateKeyException;
import com.mongodb.MongoWriteException;
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

/** The local wire server: every document found by its keys, across restarts and from the H2 file of before. */
class MongoWireServerTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void findsEveryDocumentByItsUniqueKeysAndAfterARestart() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            ids.add(i % 3 == 0 ? "ep-" + i : UUID.randomUUID().toString());
        }

        // given: documents stored through the tuned server, with a second unique index as the services declare
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.next());
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
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.next());
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
    void aUniqueIndexOnStoredDuplicatesIsRefusedAndLeavesNothingBehind() {
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.next());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            episodes.insertOne(new Document("_id", "ep-1").append("mrn", "m-1"));
            episodes.insertOne(new Document("_id", "ep-2").append("mrn", "m-1"));

            assertThatThrownBy(() -> episodes.createIndex(
                            Indexes.ascending("mrn"),
                            new IndexOptions().unique(true).name("mrn")))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("duplicate key");

            episodes.insertOne(new Document("_id", "ep-3").append("mrn", "m-1"));
            assertThat(episodes.countDocuments(new Document("mrn", "m-1"))).isEqualTo(3);
            assertThat(episodes.listIndexes().map(index -> index.getString("name")))
                    .containsExactly("_id_");
        }
    }

    @Test
    void importsTheH2FileOfTheStoreBeforeOnceAndKeepsItsIndexes() {
        Path file = dataDir.resolve("carepath.mv");

        // given: a file written by mongo-java-server's own H2 backend (the format before BSON documents)
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            episodes.createIndex(
                    Indexes.ascending("mrn"), new IndexOptions().unique(true).name("mrn"));
            for (int i = 0; i < DOCUMENTS; i++) {
                episodes.insertOne(episode(i, "REPORTED"));
            }
        } finally {
            plain.shutdown();
        }

        // when: the server imports it and rewrites every other document
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.next());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            assertThat(episodes.countDocuments()).isEqualTo(DOCUMENTS);
            for (int i = 0; i < DOCUMENTS; i += 2) {
                episodes.updateOne(
                        new Document("_id", "ep-" + i), new Document("$set", new Document("status", "TRIAGED")));
            }
        }

        // then: after a restart, old and rewritten documents alike read back whole, the unique index still holds,
        // and the H2 file is kept aside, imported once
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.next());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> episodes = client.getDatabase("test").getCollection("episodes");
            for (int i = 0; i < DOCUMENTS; i++) {
                assertThat(episodes.find(new Document("_id", "ep-" + i)).first())
                        .isEqualTo(episode(i, i % 2 == 0 ? "TRIAGED" : "REPORTED"));
            }
            assertThatThrownBy(() -> episodes.insertOne(new Document("_id", "ep-new").append("mrn", "m-1")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        }
        assertThat(file).doesNotExist();
        assertThat(dataDir.resolve("carepath.mv.imported")).exists();
    }

    private static Document episode(int i, String status) {
        return new Document("_id", "ep-" + i).append("status", status).append("mrn", "m-" + i);
    }
}
