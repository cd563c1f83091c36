package dev.accelgen.compiler.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.passes.ShapeInference;
import dev.accelgen.errors.ModelError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;

/**
 * Imports an ONNX model (opset 13 or newer) into the graph IR with every value typed. Initializers become weights
 * with data (float16 and float64 as float32); external data files are read relative to the model's directory.
 * Every failure is a one-line {@link ModelError} naming the file.
 */
public final class OnnxImporter {
    public static final int MIN_OPSET = 13;

    private OnnxImporter() {
    }

    /** The supported ai.onnx op types (If included: inlined when its condition is constant), sorted. */
    public static SortedSet<String> supportedOpTypes() {
        return OnnxOps.supportedOpTypes();
    }

    /** The supported QONNX op types, sorted. */
    public static SortedSet<String> supportedQonnxOpTypes() {
        return OnnxOps.supportedQonnxOpTypes();
    }

    /** The refusal of an old opset, with the onnx version-converter command that upgrades the file to opset 17. */
    static String opsetTooOld(int opset, String source) {
        String upgraded = (source.endsWith(".onnx") ? source.substring(0, source.length() - 5) : source) + "-opset17.onnx";
        return "ONNX opset " + opset + " is older than the supported " + MIN_OPSET + "; upgrade the file with"
                + " python3 -c \"import onnx, onnx.version_converter as vc; onnx.save(vc.convert_version(onnx.load('"
                + source + "'), 17), '" + upgraded + "')\" (needs pip install onnx), or re-export with opset_version >= " + MIN_OPSET;
    }

    public static Graph load(Path file, Map<String, Integer> dimBounds) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelError(source, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(bytes, source, dir, dimBounds);
    }

    public static Graph parse(byte[] bytes, String source, Path baseDir, Map<String, Integer> dimBounds) {
        OnnxMl.ModelProto model;
        try {
            model = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelError(source, "not an ONNX model or truncated (protobuf parse failed: " + e.getMessage() + ")");
        }
        if (model.getIrVersion() <= 0 || !model.hasGraph()) {
            throw new ModelError(source, "not an ONNX model (no IR version or no graph)");
        }
        if (model.getGraph().getNodeCount() == 0) {
            throw new ModelError(source, "the ONNX graph has no nodes: there is nothing to compile");
        }
        int opset = -1;
        for (OnnxMl.OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                opset = (int) o.getVersion();
            }
        }
        if (opset < MIN_OPSET) {
            throw new ModelError(source, opset < 0 ? "the model imports no ai.onnx opset" : opsetTooOld(opset, source));
        }
        try {
            return GraphImport.run(model.getGraph(), opset, baseDir, dimBounds, source);
        } catch (OnnxOps.UnknownOp | ShapeInference.ShapeError | IllegalArgumentException e) {
            throw new ModelError(source, e.getMessage());
        } catch (ModelError e) {
            throw e.input().isEmpty() ? new ModelError(source, e.getMessage(), e) : e;
        }
    }
}
