package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An update never changes the document instance the store's map held before it: H2's background writer may be
 * writing that instance at the same moment (the benchmark's wire server closed its store on exactly that). And no
 * data size is kept, so that an update does not encode the whole document twice to measure it.
 */
class TunedH2CollectionTest {

    private final MVStore store = MVStore.open(null);
    private final MongoServer server = new MongoServer(new SerializedOnceH2Backend(store));
    private MongoClient client;
    private MongoCollection<org.bson.Document> episodes;

    @BeforeEach
    void start() {
        client = MongoClients.create(server.bindAndGetConnectionString());
        episodes = client.getDatabase("test").getCollection("episodes");
        episodes.insertOne(new org.bson.Document("_id", "ep-1").append("status", "REPORTED"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anUpdateLeavesTheHeldInstanceAsItWas() {
        Document held = documents().get("ep-1");

        episodes.updateOne(Filters.eq("_id", "ep-1"), Updates.set("status", "TRIAGED"));

        assertThat(held.get("status")).isEqualTo("REPORTED");
        assertThat(documents().get("ep-1").get("status")).isEqualTo("TRIAGED");
    }

    @Test
    void aFindAndModifyLeavesTheHeldInstanceAsItWas() {
        Document held = documents().get("ep-1");

        org.bson.Document answered =
                episodes.findOneAndUpdate(Filters.eq("_id", "ep-1"), Updates.set("status", "BOOKED"));

        assertThat(answered.getString("status")).isEqualTo("REPORTED");
        assertThat(held.get("status")).isEqualTo("REPORTED");
        assertThat(documents().get("ep-1").get("status")).isEqualTo("BOOKED");
    }

    @Test
    void anUpdateOfNestedValuesLeavesTheHeldInstancesNestedValuesAsTheyWere() {
        episodes.updateOne(
                Filters.eq("_id", "ep-1"),
                Updates.combine(
                        Updates.set("contact", new org.bson.Document("channel", "SMS")),
                        Updates.set("outbox", List.of(new org.bson.Document("eventId", "e-1")))));
        Document held = documents().get("ep-1");
        Document heldContact = (Document) held.get("contact");
        List<?> heldOutbox = (List<?>) held.get("outbox");

        episodes.updateOne(
                Filters.eq("_id", "ep-1"),
                Updates.combine(
                        Updates.set("contact.channel", "EMAIL"),
                        Updates.push("outbox", new org.bson.Document("eventId", "e-2")),
                        Updates.unset("status")));

        assertThat(heldContact.get("channel")).isEqualTo("SMS");
        assertThat(heldOutbox).hasSize(1);
        assertThat(held.get("status")).isEqualTo("REPORTED");
        Document stored = documents().get("ep-1");
        assertThat(((Document) stored.get("contact")).get("channel")).isEqualTo("EMAIL");
        assertThat((List<?>) stored.get("outbox")).hasSize(2);
        assertThat(stored.containsKey("status")).isFalse();
    }

    @Test
    void keepsNoDataSizeForCollStats() {
        episodes.updateOne(Filters.eq("_id", "ep-1"), Updates.set("notes", "x".repeat(10_000)));

        org.bson.Document stats = client.getDatabase("test").runCommand(new org.bson.Document("collStats", "episodes"));

        assertThat(stats.get("count", Number.class).intValue()).isEqualTo(1);
        assertThat(stats.get("size", Number.class).intValue()).isZero();
    }

    private MVMap<Object, Document> documents() {
        return store.openMap(H2Database.DATABASES_PREFIX + "test.episodes");
    }
}
