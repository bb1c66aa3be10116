package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents stored as BSON read back equal, the earlier Java-serialized form is still read, and BSON is smaller. */
class BsonDocumentsTest {

    private final BsonDocuments bson = new BsonDocuments();

    @Test
    void everyValueTheWireCarriesReadsBackEqualAndInItsOwnType() {
        Document document = new Document("_id", "ep-1")
                .append("version", 7L)
                .append("decisionVersion", 2)
                .append("score", 0.25)
                .append("booked", true)
                .append("cancelledAt", null)
                .append("dueAt", Instant.parse("2026-12-03T14:00:00Z"))
                .append("contact", new Document("channel", "SMS").append("optIn", false))
                .append("appointments", new ArrayList<>(List.of(new Document("slot", "s-1"), "loose", 3)))
                .append("objectId", new ObjectId())
                .append("bytes", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.fromString("5b1c2e4e-8a8f-4a8e-9b8f-0f1e2d3c4b5a"))
                .append("amount", new Decimal128(new BigDecimal("123.45")))
                .append("clusterTime", new BsonTimestamp(42L))
                .append("lowest", MinKey.getInstance())
                .append("highest", MaxKey.getInstance());

        Document read = roundTrip(bson, document);

        assertThat(read).isEqualTo(document);
        assertThat(read.get("version")).isInstanceOf(Long.class);
        assertThat(read.get("decisionVersion")).isInstanceOf(Integer.class);
        assertThat(new ArrayList<>(read.keySet())).containsExactlyElementsOf(document.keySet());
    }

    @Test
    void valuesFollowingEachOtherInAPageAreReadOneByOne() {
        List<Document> documents = List.of(
                new Document("_id", "a").append("n", 1),
                new Document("_id", "b").append("nested", new Document("deep", List.of(1, 2))),
                new Document("_id", "c"));
        WriteBuffer buffer = new WriteBuffer();
        bson.write(buffer, documents.toArray(), documents.size());

        Document[] read = bson.createStorage(documents.size());
        bson.read(buffer.getBuffer().flip(), read, documents.size());

        assertThat(Arrays.asList(read)).containsExactlyElementsOf(documents);
    }

    @Test
    void aDocumentInTheEarlierFormatIsStillRead() {
        Document document = new Document("_id", "ep-2").append("outbox", List.of(new Document("type", "Booked")));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        bson.write(buffer, document);

        ByteBuffer page = buffer.getBuffer().flip();

        assertThat(bson.read(page)).isEqualTo(document);
        assertThat(bson.read(page)).isEqualTo(document);
        assertThat(page.hasRemaining()).isFalse();
    }

    @Test
    void aValueBsonCannotCarryIsKeptInTheEarlierFormat() {
        Document document = new Document("_id", "ep-3").append("ratio", 1.5f);

        WriteBuffer buffer = new WriteBuffer();
        bson.write(buffer, document);
        ByteBuffer page = buffer.getBuffer().flip();

        assertThat(page.get(0)).isNotEqualTo(BsonDocuments.TAG);
        assertThat(bson.read(page)).isEqualTo(document);
    }

    @Test
    void bsonTakesLessThanTheEarlierFormat() {
        Document schedule = new Document("_id", "ep-4").append("version", 3L);
        List<Document> appointments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            appointments.add(new Document("appointmentId", UUID.randomUUID().toString())
                    .append("slotId", "prov-" + i + "|2026-12-0" + (i + 1) + "T14:00:00Z")
                    .append("status", "BOOKED")
                    .append("start", Instant.parse("2026-12-03T14:00:00Z").plusSeconds(86_400L * i)));
        }
        schedule.append("appointments", appointments);

        int bsonBytes = stored(bson, schedule).remaining();
        int earlierBytes = stored(new ObjectDataType(), (Object) schedule).remaining();

        assertThat(bsonBytes).isLessThan(earlierBytes);
    }

    @Test
    void aPageWrittenAgainEncodesOnlyTheDocumentThatChanged() {
        Document[] page = {
            new Document("_id", "a").append("n", 1), new Document("_id", "b").append("n", 2), new Document("_id", "c")
        };
        byte[] first = written(page);
        long encodedFirst = bson.encodings();

        page[1] = new Document("_id", "b").append("n", 3);
        byte[] second = written(page);

        assertThat(encodedFirst).isEqualTo(3);
        assertThat(bson.encodings()).isEqualTo(4);
        Document[] read = bson.createStorage(3);
        bson.read(ByteBuffer.wrap(second), read, 3);
        assertThat(Arrays.asList(read)).containsExactly(page);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aDocumentReadFromDiskIsWrittenAgainAsItWasReadWithoutEncoding() {
        Document original = new Document("_id", "ep-5").append("nested", new Document("deep", List.of(1, 2)));
        byte[] stored = written(new Document[] {original});
        BsonDocuments reopened = new BsonDocuments();
        Document[] read = reopened.createStorage(1);
        reopened.read(ByteBuffer.wrap(stored), read, 1);

        WriteBuffer again = new WriteBuffer();
        reopened.write(again, read, 1);

        assertThat(reopened.encodings()).isZero();
        ByteBuffer rewritten = again.getBuffer().flip();
        byte[] bytes = new byte[rewritten.remaining()];
        rewritten.get(bytes);
        assertThat(bytes).isEqualTo(stored);
    }

    private byte[] written(Document[] page) {
        WriteBuffer buffer = new WriteBuffer();
        bson.write(buffer, page, page.length);
        ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    private static Document roundTrip(BsonDocuments type, Document document) {
        return type.read(stored(type, document));
    }

    private static <T> ByteBuffer stored(DataType<T> type, T value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }
}
