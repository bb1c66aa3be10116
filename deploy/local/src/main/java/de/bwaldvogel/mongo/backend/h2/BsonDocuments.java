package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
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
 */
final class BsonDocuments extends BasicDataType<Document> {

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

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(averageMemory / HEAP_PER_BSON_BYTE);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            bson.release();
            earlierFormat.write(buff, document);
            return;
        }
        int length = bson.readableBytes();
        averageMemory = (int) ((HEAP_PER_BSON_BYTE * (long) length + 15L * averageMemory) / 16);
        buff.put(TAG).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        bson.release();
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG) {
            return (Document) earlierFormat.read(buff);
        }
        buff.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
