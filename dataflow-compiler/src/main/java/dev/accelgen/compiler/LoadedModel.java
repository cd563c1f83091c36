package dev.accelgen.compiler;

import dev.accelgen.compiler.ir.Graph;

/**
 * A model as loaded: its graph and, for ONNX sources, the original bytes (so onnxruntime can run the very same
 * file as the reference).
 *
 * @param onnxBytes the ONNX file, or null for a config-built graph
 */
public record LoadedModel(String source, Graph graph, byte[] onnxBytes) {
    public boolean isOnnx() {
        return onnxBytes != null;
    }
}
