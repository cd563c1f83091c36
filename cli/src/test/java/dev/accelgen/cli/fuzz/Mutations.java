package dev.accelgen.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded damage to inputs: truncated and byte-flipped files, JSON with keys removed or given wrong values. */
final class Mutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Mutations() {
    }

    static byte[] truncated(byte[] b, Random rng) {
        return Arrays.copyOf(b, rng.nextInt(b.length));
    }

    static byte[] flipped(byte[] b, Random rng) {
        byte[] c = b.clone();
        int flips = 1 + rng.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = rng.nextInt(c.length);
            c[at] = rng.nextBoolean() ? (byte) (c[at] ^ (1 << rng.nextInt(8))) : (byte) rng.nextInt(256);
        }
        return c;
    }

    /** Either byte-level damage or one key of the JSON object removed or given a wrong value. */
    static byte[] json(String text, Random rng) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        switch (rng.nextInt(4)) {
            case 0:
                return truncated(bytes, rng);
            case 1:
                return flipped(bytes, rng);
            default:
                try {
                    ObjectNode root = (ObjectNode) JSON.readTree(text);
                    mutateOneKey(root, rng);
                    return JSON.writeValueAsBytes(root);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
        }
    }

    private static void mutateOneKey(ObjectNode obj, Random rng) {
        List<String> keys = new ArrayList<>();
        obj.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(rng.nextInt(keys.size()));
        JsonNode v = obj.get(key);
        if (v instanceof ObjectNode inner && inner.size() > 0 && rng.nextBoolean()) {
            mutateOneKey(inner, rng);
            return;
        }
        if (v.isArray() && v.size() > 0 && v.get(0) instanceof ObjectNode first && rng.nextBoolean()) {
            mutateOneKey(first, rng);
            return;
        }
        JsonNode[] wrong = {NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(1_000_000_000),
            NODES.numberNode(2_147_483_648L), NODES.numberNode(1.5), NODES.textNode("abc"), NODES.nullNode(),
            NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true), NODES.numberNode(Integer.MIN_VALUE)};
        if (rng.nextInt(5) == 0) {
            obj.remove(key);
        } else {
            obj.set(key, wrong[rng.nextInt(wrong.length)]);
        }
    }
}
