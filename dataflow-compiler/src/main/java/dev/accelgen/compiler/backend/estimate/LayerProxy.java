package dev.accelgen.compiler.backend.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.backend.compile.Frontend;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.hf.ConfigImporter;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.run.ModelRunner;
import dev.accelgen.compiler.zoo.Zoo;
import dev.accelgen.errors.ModelError;
import dev.accelgen.sim.files.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The graph an estimate compiles. A config model (a Hugging Face config.json or a zoo config) of L identical decoder
 * layers is built with one layer: its program is the embedding, one layer and the head, and the estimate counts the
 * layer L times. The decoder layers of a config are identical by construction (the importer builds every layer from
 * the same code and dimensions), so each layer's program is the same instruction sequence at other weight
 * offsets. ONNX models are compiled whole.
 *
 * @param layers how many times the estimate counts the graph's decoder layer (1: the graph is the whole model)
 */
public record LayerProxy(Graph graph, int layers) {
    static final String LAYERS_KEY = "num_hidden_layers";

    static LayerProxy of(String model, long seed) {
        byte[] config = configBytes(model);
        if (config == null) {
            return new LayerProxy(ModelRunner.loadSimulated(model, Map.of(), Frontend.GRAPH_TOKENS, seed).graph(), 1);
        }
        ObjectNode json = parse(config, model);
        JsonNode n = json.get(LAYERS_KEY);
        int layers = n != null && n.canConvertToInt() ? n.intValue() : 1;
        if (layers > 1) {
            json.put(LAYERS_KEY, 1);
        }
        byte[] oneLayer = json.toString().getBytes(StandardCharsets.UTF_8);
        return new LayerProxy(ConfigImporter.build(oneLayer, model, BuildOptions.synthetic(Frontend.GRAPH_TOKENS, seed)),
                Math.max(1, layers));
    }

    /** The config's bytes, or null for an ONNX model. */
    private static byte[] configBytes(String model) {
        if (model.startsWith(Zoo.PREFIX)) {
            String name = model.substring(Zoo.PREFIX.length());
            return Zoo.isConfig(name) ? Zoo.bytes(name) : null;
        }
        if (!model.endsWith(".json")) {
            return null;
        }
        return InputFile.read(Path.of(model), ModelLoader.MAX_CONFIG_BYTES, "", ModelError::new);
    }

    private static ObjectNode parse(byte[] bytes, String model) {
        try {
            JsonNode n = new ObjectMapper().readTree(bytes);
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            throw new ModelError(model, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        throw new ModelError(model, "must hold one JSON object (a Hugging Face config.json)");
    }
}
