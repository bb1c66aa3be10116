package org.carepath.local.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * How a document and its key are held in memory and on disk: BSON, as the server decodes and encodes it anyway, behind
 * a one-byte tag. A document BSON cannot carry (a value of a type the server never decodes) is Java-serialized.
 * Held as bytes, a stored document can never be changed in place: every read decodes a fresh copy.
 */
final class StoredForm {

    private static final byte BSON = 1;
    private static final byte SERIALIZED = 2;
    private static final String KEY = "k";

    private StoredForm() {}

    static byte[] document(Document document) {
        ByteBuf buffer = Unpooled.buffer(512);
        try {
            buffer.writeByte(BSON);
            BsonEncoder.encodeDocument(document, buffer);
            return bytes(buffer);
        } catch (IllegalArgumentException notBson) {
            return serialized(document);
        } finally {
            buffer.release();
        }
    }

    static Document document(byte[] stored) {
        if (stored[0] == SERIALIZED) {
            return (Document) deserialized(stored);
        }
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(stored, 1, stored.length - 1));
    }

    /** A document's position: its {@code _id} (or {@link Missing}), or the store's own number for a collection without one. */
    static byte[] key(Object key) {
        ByteBuf buffer = Unpooled.buffer(64);
        try {
            buffer.writeByte(BSON);
            BsonEncoder.encodeDocument(key instanceof Missing ? new Document() : new Document(KEY, key), buffer);
            return bytes(buffer);
        } finally {
            buffer.release();
        }
    }

    static Object key(byte[] stored) {
        Document wrapper = document(stored);
        return wrapper.containsKey(KEY) ? wrapper.get(KEY) : Missing.getInstance();
    }

    private static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static byte[] serialized(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SERIALIZED);
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a document", e);
        }
        return out.toByteArray();
    }

    private static Object deserialized(byte[] stored) {
        try (ObjectInputStream objects =
                new ObjectInputStream(new ByteArrayInputStream(stored, 1, stored.length - 1))) {
            return objects.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored document cannot be read", e);
        }
    }
}
