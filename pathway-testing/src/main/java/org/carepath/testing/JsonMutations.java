package org.carepath.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request fuzzing by mutation of valid bodies (jqwik generators; call between {@code JqwikSession.start()} and
 * {@code finish()}): one to three mutations each — a field or element removed, replaced by a hostile value (null,
 * extreme numbers, {@code 1e100000000}, long and odd strings, a billion-year date, deep arrays, wrong types) or an
 * unknown field added — and now and then no JSON object at all. The same mutations as intake's RequestFuzzIT.
 */
public final class JsonMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutations() {}

    /** One to three mutations of {@code valid} (changed in place), or now and then no JSON object at all. */
    public static String mutated(ObjectNode valid, Random random) {
        if (random.nextInt(20) == 0) {
            return sample(Arbitraries.strings().ofMaxLength(200), random);
        }
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<Slot> slots = new ArrayList<>();
            collect(valid, slots);
            if (slots.isEmpty()) {
                valid.set("unknown" + random.nextInt(1000), hostileValue(random));
                continue;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            switch (random.nextInt(4)) {
                case 0 -> slot.remove();
                case 2 -> slot.parentObject().set("unknown" + random.nextInt(1000), hostileValue(random));
                default -> slot.replace(hostileValue(random));
            }
        }
        return JSON.writeValueAsString(valid);
    }

    /**
     * What every answer to a fuzzed body must be: never a 5xx; a 4xx is problem details, and a 400 or 422 (the body
     * or a field of it refused) names the field.
     */
    public static void assertClearAnswer(HttpJson.Response response, String body) {
        String shown = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        assertThat(response.status())
                .as("body %s answered %s", shown, response.body())
                .isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType())
                    .as("body %s answered %s", shown, response.body())
                    .startsWith("application/problem+json");
        }
        if (response.status() == 400 || response.status() == 422) {
            assertThat(response.json().path("field").asString(""))
                    .as("body %s answered %s", shown, response.body())
                    .isNotBlank();
        }
    }

    private static JsonNode hostileValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(sample(Arbitraries.integers(), random));
            case 2 -> NODES.numberNode(new BigDecimal("1e100000000"));
            case 3 -> NODES.numberNode(sample(Arbitraries.doubles(), random));
            case 4 -> NODES.stringNode(sample(Arbitraries.strings().ofMaxLength(300), random));
            case 5 -> NODES.stringNode("+1000000000-01-01");
            case 6 ->
                NODES.stringNode(
                        sample(Arbitraries.strings().withCharRange('A', 'Z').ofMaxLength(30), random));
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.objectNode().put("x", sample(Arbitraries.strings().ofMaxLength(20), random));
            case 9 -> deepArray(1 + random.nextInt(200));
            case 10 -> NODES.stringNode("x".repeat(random.nextInt(20_000)));
            default -> NODES.arrayNode().add(sample(Arbitraries.strings().ofMaxLength(20), random));
        };
    }

    private static JsonNode deepArray(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    private static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        RandomGenerator<T> generator = arbitrary.generator(1000);
        return generator.next(random).value();
    }

    /** A place in the body: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        ObjectNode parentObject() {
            return parent instanceof ObjectNode object ? object : NODES.objectNode();
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (String field : object.propertyNames()) {
                slots.add(new Slot(object, field, -1));
                collect(object.get(field), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
