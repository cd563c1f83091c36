package dev.accelgen.compiler.ort;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.accelgen.errors.ModelError;
import java.util.Set;
import java.util.TreeSet;

/**
 * What onnxruntime can run: the standard ONNX domains and its own contrib ops. Custom-op domains (QONNX's
 * {@code Quant}, {@code BipolarQuant}, {@code Trunc}, FINN's ops) it cannot, so {@code --compare-ort} on such a
 * model is refused up front with a message saying so.
 */
public final class OrtSupport {
    private static final Set<String> DOMAINS = Set.of("", "ai.onnx", "ai.onnx.ml", "com.microsoft", "com.microsoft.nchwc",
            "com.microsoft.experimental", "ai.onnx.preview.training", "ai.onnx.training");

    private OrtSupport() {
    }

    public static void requireRunnable(byte[] model, String source) {
        Set<String> custom = new TreeSet<>();
        try {
            for (OnnxMl.NodeProto n : OnnxMl.ModelProto.parseFrom(model).getGraph().getNodeList()) {
                if (!DOMAINS.contains(n.getDomain())) {
                    custom.add(n.getOpType() + " (" + n.getDomain() + ")");
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a model that imported cannot be parsed again", e);
        }
        if (!custom.isEmpty()) {
            throw new ModelError(source, "--compare-ort: onnxruntime cannot run the custom ops " + String.join(", ", custom)
                    + "; run without --compare-ort (QONNX models are checked against the qonnx executor instead)");
        }
    }
}
