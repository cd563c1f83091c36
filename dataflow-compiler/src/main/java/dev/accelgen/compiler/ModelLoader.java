package dev.accelgen.compiler;

import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.hf.ConfigImporter;
import dev.accelgen.compiler.onnx.OnnxImporter;
import dev.accelgen.compiler.passes.Pipeline;
import dev.accelgen.compiler.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@code zoo:<name>}, an {@code .onnx} file or a {@code config.json} (any {@code .json}) into an optimised
 * graph. Configs become graphs per {@link BuildOptions}; ONNX graphs go through {@link Pipeline#optimize}.
 */
public final class ModelLoader {
    private ModelLoader() {
    }

    public static LoadedModel load(String spec, Map<String, Integer> dimBounds, BuildOptions build) {
        if (spec.startsWith(Zoo.PREFIX)) {
            String name = spec.substring(Zoo.PREFIX.length());
            byte[] bytes = Zoo.bytes(name);
            if (Zoo.isOnnx(name)) {
                return new LoadedModel(spec, Pipeline.optimize(OnnxImporter.parse(bytes, spec, null, dimBounds)), bytes);
            }
            return new LoadedModel(spec, ConfigImporter.build(bytes, spec, build), null);
        }
        Path p = Path.of(spec);
        if (!Files.isRegularFile(p)) {
            throw new ModelInputException(spec, "no such file (give an .onnx file, a config.json or zoo:<name>)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ModelInputException(spec, "cannot read the file (" + e.getMessage() + ")");
        }
        if (spec.endsWith(".json")) {
            return new LoadedModel(spec, ConfigImporter.build(bytes, spec, build), null);
        }
        Path dir = p.toAbsolutePath().getParent();
        return new LoadedModel(spec, Pipeline.optimize(OnnxImporter.parse(bytes, spec, dir, dimBounds)), bytes);
    }
}
