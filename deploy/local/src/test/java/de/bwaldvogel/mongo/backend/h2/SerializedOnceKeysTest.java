package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The remembered serialized form orders keys exactly as H2's own key type does. */
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
}
