package dev.accelgen.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a build's report JSON and checking estimate_layer_cycles.json against plan.json, which times the same ops. */
final class LayerCycles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerCycles() {
    }

    static JsonNode json(Path f) throws IOException {
        return JSON.readTree(Files.readString(f));
    }

    /** Every op of plan.json with cycles in a phase is that phase's layer with those cycles, and nothing else is. */
    static void equalPlanJson(Path build, boolean decoder) throws IOException {
        JsonNode cycles = json(build.resolve("report/estimate_layer_cycles.json"));
        int layers = 0;
        for (JsonNode op : json(build.resolve("plan.json")).get("ops")) {
            String value = op.get("op").asInt() + " " + op.get("value").asText();
            layers += layer(cycles, (decoder ? "prefill/op" : "run/op") + value, op.get("prefillCycles").asLong());
            if (decoder) {
                layers += layer(cycles, "decode/op" + value, op.get("decodeCycles").asLong());
            }
        }
        assertEquals(cycles.size(), layers);
    }

    private static int layer(JsonNode cycles, String name, long expected) {
        if (expected == 0) {
            assertFalse(cycles.has(name), name + " takes no cycles and is left out");
            return 0;
        }
        assertEquals(expected, cycles.get(name).asLong(), name);
        return 1;
    }
}
