package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The remembered serialized form orders, writes and sizes keys exactly as H2's own key type does. */
class SerializedOnceKeysTest {

    @Test
    void ordersEveryPairOfKeysAsH2Does() {
        Random random = new Random(42);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = random.nextBoolean() ? "ep-" + random.nextInt(1_000) : Long.toHexString(random.nextLong());
            keys.add(random.nextBoolean() ? new KeyValue(id) : new KeyValue(id, (long) random.nextInt(50)));
        }
        ObjectDataType h2 = new ObjectDataType();
        SerializedOnceH2Backend.SerializedOnceKeys tuned = new SerializedOnceH2Backend.SerializedOnceKeys();

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(tuned.compare(a, b)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    @Test
    void writesEachKeyByteForByteAsH2DoesAndEitherReadsTheOther() {
        List<Object> keys = List.of(new KeyValue("ep-1"), new KeyValue("ep-2", 7L), "a plain string", 42L);
        ObjectDataType h2 = new ObjectDataType();
        SerializedOnceH2Backend.SerializedOnceKeys tuned = new SerializedOnceH2Backend.SerializedOnceKeys();

        for (Object key : keys) {
            WriteBuffer byH2 = new WriteBuffer();
            h2.write(byH2, key);
            WriteBuffer byTuned = new WriteBuffer();
            tuned.write(byTuned, key);
            tuned.write(byTuned, key);

            byte[] once = bytes(byH2);
            byte[] twice = bytes(byTuned);
            assertThat(twice).as("%s", key).hasSize(2 * once.length);
            assertThat(java.util.Arrays.copyOfRange(twice, 0, once.length))
                    .as("%s", key)
                    .isEqualTo(once);
            assertThat(java.util.Arrays.copyOfRange(twice, once.length, twice.length))
                    .isEqualTo(once);
            assertThat(tuned.read(java.nio.ByteBuffer.wrap(once))).isEqualTo(key);
        }
    }

    @Test
    void estimatesAKeysMemoryFromItsOwnSerializedSize() {
        SerializedOnceH2Backend.SerializedOnceKeys tuned = new SerializedOnceH2Backend.SerializedOnceKeys();
        KeyValue shortKey = new KeyValue("a");
        KeyValue longKey = new KeyValue("a".repeat(500));

        assertThat(tuned.getMemory(longKey)).isGreaterThan(tuned.getMemory(shortKey) + 2 * 400);
        assertThat(tuned.getMemory(shortKey)).isLessThan(1_000);
    }

    private static byte[] bytes(WriteBuffer buffer) {
        java.nio.ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
