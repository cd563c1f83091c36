package dev.accelgen.compiler.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.onnx.OnnxImporter;
import dev.accelgen.compiler.text.GraphJson;
import dev.accelgen.compiler.text.GraphText;
import dev.accelgen.compiler.zoo.Zoo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Constant folding, dead-node removal and the printers on the exported tiny-llama. */
class PipelinePassesTest {
    private static Graph raw() {
        return OnnxImporter.parse(Zoo.bytes("tiny-llama"), "zoo:tiny-llama", null, Map.of());
    }

    @Test
    void foldingTurnsShapeArithmeticIntoConstants() {
        Graph raw = raw();
        assertTrue(GraphText.opCounts(raw).containsKey("Shape"), "the export computes shapes at run time");
        Graph folded = ConstantFolding.run(raw);
        for (Node n : folded.nodes()) {
            assertFalse(n.op() instanceof Op.ShapeOf, n.name() + " should be folded");
        }
        assertEquals(raw.nodes().size(), folded.nodes().size(), "folding replaces nodes one for one");
    }

    @Test
    void deadNodeRemovalDropsWhatNoOutputReads() {
        Graph g = DeadNodeRemoval.run(ConstantFolding.run(raw()));
        assertTrue(g.nodes().size() < raw().nodes().size());
        java.util.Set<String> read = new java.util.HashSet<>(g.outputs());
        g.nodes().forEach(n -> read.addAll(n.inputs()));
        for (Node n : g.nodes()) {
            assertTrue(n.outputs().stream().anyMatch(read::contains), n.name() + " is dead but kept");
        }
        for (String w : g.weights().keySet()) {
            assertTrue(read.contains(w), "weight " + w + " is unused but kept");
        }
    }

    @Test
    void jsonListsEveryNonConstantNodeWithTypes() throws Exception {
        Graph g = ModelLoader.load("zoo:tiny-llama", Map.of(), BuildOptions.weightless()).graph();
        JsonNode j = GraphJson.mapper().readTree(GraphJson.mapper().writeValueAsString(GraphJson.toJson(g, true)));
        long nonConstant = g.nodes().stream().filter(n -> !(n.op() instanceof Op.Constant)).count();
        assertEquals(nonConstant, j.get("nodes").size());
        assertEquals(g.parameterCount(), j.get("parameters").asLong());
        assertEquals("int64", j.get("inputs").get("input_ids").get("dtype").asText());
        assertEquals(1, j.get("op_counts").get("Attention").asInt());
    }
}
