package dev.accelgen.compiler;

import dev.accelgen.compiler.ir.Graph;
import java.nio.file.Path;

/**
 * A model as loaded: its graph and, for ONNX sources, the original bytes (so onnxruntime can run the very same
 * file as the reference).
 *
 * @param onnxBytes the ONNX file, or null for a config-built graph
 * @param onnxFile  where the ONNX file is (its external data is relative to it), or null for zoo models and configs
 */
public record LoadedModel(String source, Graph graph, byte[] onnxBytes, Path onnxFile) {
    public boolean isOnnx() {
        return onnxBytes != null;
    }
}
