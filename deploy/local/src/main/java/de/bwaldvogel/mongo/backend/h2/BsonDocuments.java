package de.bwaldvogel.mongo.backend.h2;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The stored form of a collection's documents: BSON, as they came over the wire, behind a tag of its own.
 *
 * <p>Why: the backend's default value type Java-serializes every document on each write of its page and
 * deserializes it on each read from disk; profiled under the benchmark, that was most of the wire server's time.
 * BSON is what the server decodes and encodes anyway, smaller and several times cheaper. A value written in the
 * earlier format (H2's {@link ObjectDataType}, whose tags never take the value {@link #TAG}) is still read, so
 * an existing {@code .carepath/mongodb} file keeps working and is rewritten page by page as it changes. A document
 * BSON cannot carry (a value of a type the server never decodes) is written in the earlier format.
 *
 * <p>Each document's BSON is kept while the document is in memory, as it was last written or read. H2 writes a
 * changed page whole, every document in it; profiled under the benchmark, encoding the unchanged neighbours of the
 * one document that changed was a third of the wire server's time. Keeping the bytes is sound because a document in
 * the map is never changed after it is put: a change is a new instance. Today it serves only to read a store written
 * by the H2 backend the local stack used before {@link org.carepath.local.store.LogStore}.
 */
public final class BsonDocuments extends BasicDataType<Document> {

    /** Unused by {@link ObjectDataType}, whose tags are 0–19 and 32–119. */
    static final byte TAG = 127;

    /**
     * A page's memory is estimated, as H2 does for serialized objects, from a moving average of the stored size. A
     * document on the heap takes several times its BSON (about twice its Java-serialized form, which H2 counts
     * twice), so the cache and the commit cadence stay as they were.
     */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private final ObjectDataType earlierFormat = new ObjectDataType();

    private int averageMemory = 10_000;

    /** By identity (weak keys): an entry goes when its document is no longer in memory. */
    private final Cache<Document, byte[]> encoded =
            Caffeine.newBuilder().weakKeys().build();

    private final LongAdder encodings = new LongAdder();

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        byte[] bson = encoded.getIfPresent(document);
        if (bson == null) {
            bson = encode(document);
            if (bson == null) {
                earlierFormat.write(buff, document);
                return;
            }
            encoded.put(document, bson);
        }
        averageMemory = (int) ((HEAP_PER_BSON_BYTE * (long) bson.length + 15L * averageMemory) / 16);
        buff.put(TAG).put(bson);
    }

    /** The document's BSON; null when BSON cannot carry it. */
    private byte[] encode(Document document) {
        encodings.increment();
        ByteBuf bson = Unpooled.buffer(averageMemory / HEAP_PER_BSON_BYTE);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } catch (IllegalArgumentException notBson) {
            return null;
        } finally {
            bson.release();
        }
    }

    /** How many documents were encoded: a document written again while in memory is not. */
    long encodings() {
        return encodings.sum();
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG) {
            return (Document) earlierFormat.read(buff);
        }
        buff.get();
        int start = buff.position();
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(bson);
        byte[] bytes = new byte[bson.readerIndex()];
        buff.get(start, bytes);
        buff.position(start + bytes.length);
        encoded.put(document, bytes);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
