package dev.accelgen.compiler;

import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.hf.ConfigImporter;
import dev.accelgen.compiler.onnx.OnnxImporter;
import dev.accelgen.compiler.passes.Pipeline;
import dev.accelgen.compiler.zoo.Zoo;
import dev.accelgen.errors.ModelError;
import dev.accelgen.sim.files.InputFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@code zoo:<name>}, an {@code .onnx} file or a {@code config.json} (any {@code .json}) into an optimised
 * graph. Configs become graphs per {@link BuildOptions}; ONNX graphs go through {@link Pipeline#optimize}.
 */
public final class ModelLoader {
    /** A config.json is a few kilobytes; anything this large is not one. */
    public static final long MAX_CONFIG_BYTES = 16L << 20;
    /** An ONNX file is one protobuf message, which protobuf limits to 2 GB (larger weights go in external data). */
    public static final long MAX_ONNX_BYTES = Integer.MAX_VALUE - 8;

    private ModelLoader() {
    }

    public static LoadedModel load(String spec, Map<String, Integer> dimBounds, BuildOptions build) {
        if (spec.startsWith(Zoo.PREFIX)) {
            String name = spec.substring(Zoo.PREFIX.length());
            byte[] bytes = Zoo.bytes(name);
            if (Zoo.isOnnx(name)) {
                return new LoadedModel(spec, Pipeline.optimize(OnnxImporter.parse(bytes, spec, null, dimBounds)), bytes, null);
            }
            return new LoadedModel(spec, ConfigImporter.build(bytes, spec, build), null, null);
        }
        Path p = path(spec);
        boolean json = spec.endsWith(".json");
        byte[] bytes = json ? InputFile.read(p, MAX_CONFIG_BYTES, "", ModelError::new)
                : InputFile.read(p, InputFile.heapShare(MAX_ONNX_BYTES), "a third of the Java heap, at most protobuf's 2 GB;"
                        + " raise the heap with ACCELGEN_JAVA_OPTS=-Xmx8g", ModelError::new);
        if (json) {
            return new LoadedModel(spec, ConfigImporter.build(bytes, spec, build), null, null);
        }
        Path dir = p.toAbsolutePath().getParent();
        return new LoadedModel(spec, Pipeline.optimize(OnnxImporter.parse(bytes, spec, dir, dimBounds)), bytes, p);
    }

    private static Path path(String spec) {
        Path p;
        try {
            p = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new ModelError(spec, "is not a valid path (" + e.getReason() + ")");
        }
        if (spec.isBlank() || !Files.exists(p)) {
            throw new ModelError(spec, "no such file (give an .onnx file, a config.json or zoo:<name>)");
        }
        return p;
    }
}
