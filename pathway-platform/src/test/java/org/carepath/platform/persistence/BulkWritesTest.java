package org.carepath.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** On the wire server: a duplicate key in an unordered bulk is named by its position, the rest is written. */
class BulkWritesTest {

    private static final String COLLECTION = "things";

    private CountingWireServer store;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        store = CountingWireServer.start("bulk-writes-test");
        mongo = store.template();
        mongo.insert(new Document("_id", "taken").append("count", "not a number"), COLLECTION);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void theWritesAUniqueIndexRefusedAreNamedAndTheOthersAreWritten() {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        bulk.insert(new Document("_id", "first"));
        bulk.insert(new Document("_id", "taken"));
        bulk.insert(new Document("_id", "third"));

        assertThat(BulkWrites.refusedAsDuplicates(bulk)).containsExactly(1);
        assertThat(mongo.findAll(Document.class, COLLECTION))
                .extracting(document -> document.get("_id"))
                .containsExactlyInAnyOrder("first", "taken", "third");
    }

    @Test
    void anyOtherErrorIsThrown() {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        bulk.updateOne(new Query(Criteria.where("_id").is("taken")), new Update().inc("count", 1));

        assertThatThrownBy(() -> BulkWrites.refusedAsDuplicates(bulk)).isInstanceOf(BulkOperationException.class);
    }

    @Test
    void nothingRefusedIsAnEmptyAnswer() {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        bulk.insert(new Document("_id", "new"));

        assertThat(BulkWrites.refusedAsDuplicates(bulk)).isEmpty();
    }
}
