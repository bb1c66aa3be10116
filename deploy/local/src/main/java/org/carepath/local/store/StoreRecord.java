package org.carepath.local.store;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One change as the store writes it, in the journal and in a snapshot alike:
 * {@code length, crc32, op, namespace, key, value}. The checksum tells a record cut off by a crash from a whole one.
 */
record StoreRecord(Op op, String namespace, byte[] key, byte[] value) {

    enum Op {
        /** The end of a complete snapshot. */
        END,
        PUT,
        DELETE,
        DROP_COLLECTION
    }

    private static final int HEADER = 8;
    private static final byte[] NONE = new byte[0];

    static StoreRecord put(String namespace, byte[] key, byte[] value) {
        return new StoreRecord(Op.PUT, namespace, key, value);
    }

    static StoreRecord delete(String namespace, byte[] key) {
        return new StoreRecord(Op.DELETE, namespace, key, NONE);
    }

    static StoreRecord dropCollection(String namespace) {
        return new StoreRecord(Op.DROP_COLLECTION, namespace, NONE, NONE);
    }

    static StoreRecord end() {
        return new StoreRecord(Op.END, "", NONE, NONE);
    }

    ByteBuffer encoded() {
        byte[] name = namespace.getBytes(StandardCharsets.UTF_8);
        int bodyLength = 1 + 2 + name.length + 4 + key.length + value.length;
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + bodyLength);
        buffer.putInt(bodyLength).putInt(0);
        buffer.put((byte) op.ordinal()).putShort((short) name.length).put(name);
        buffer.putInt(key.length).put(key).put(value);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), HEADER, bodyLength);
        buffer.putInt(4, (int) crc.getValue());
        return buffer.flip();
    }

    /** The record's size on disk. */
    int size() {
        return HEADER + 1 + 2 + namespace.getBytes(StandardCharsets.UTF_8).length + 4 + key.length + value.length;
    }

    /**
     * The next record, or null at the end of the input or where a record is cut off or does not match its checksum
     * (what a crash in the middle of a write leaves).
     */
    static StoreRecord read(DataInputStream in, long remaining) throws IOException {
        if (remaining < HEADER) {
            return null;
        }
        int bodyLength;
        int checksum;
        try {
            bodyLength = in.readInt();
            checksum = in.readInt();
        } catch (EOFException cutOff) {
            return null;
        }
        if (bodyLength < 7 || bodyLength > remaining - HEADER) {
            return null;
        }
        byte[] body = new byte[bodyLength];
        in.readFully(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        if ((int) crc.getValue() != checksum) {
            return null;
        }
        ByteBuffer fields = ByteBuffer.wrap(body);
        int op = fields.get();
        if (op < 0 || op >= Op.values().length) {
            return null;
        }
        byte[] name = new byte[fields.getShort()];
        fields.get(name);
        byte[] key = new byte[fields.getInt()];
        fields.get(key);
        byte[] value = new byte[fields.remaining()];
        fields.get(value);
        return new StoreRecord(Op.values()[op], new String(name, StandardCharsets.UTF_8), key, value);
    }
}
