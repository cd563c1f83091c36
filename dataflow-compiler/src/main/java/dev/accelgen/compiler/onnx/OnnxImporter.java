package dev.accelgen.compiler.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.compiler.passes.ShapeInference;
import dev.accelgen.errors.ModelError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports an ONNX model (opset 13 or newer) into the graph IR with every value typed. Initializers become weights
 * with data; external data files are read relative to the model's directory. Every failure is a
 * {@link ModelError} naming the file.
 */
public final class OnnxImporter {
    public static final int MIN_OPSET = 13;

    private OnnxImporter() {
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
            throw new ModelError(source, "ONNX opset " + opset + " is older than the supported " + MIN_OPSET
                    + " (re-export with opset_version >= " + MIN_OPSET + ")");
        }
        try {
            return ShapeInference.infer(translate(model.getGraph(), opset, baseDir, dimBounds, source));
        } catch (OnnxOps.UnknownOp | ShapeInference.ShapeError | IllegalArgumentException e) {
            throw new ModelError(source, e.getMessage());
        } catch (ModelError e) {
            throw e.input().isEmpty() ? new ModelError(source, e.getMessage(), e) : e;
        }
    }

    private static Graph translate(OnnxMl.GraphProto g, int opset, Path baseDir, Map<String, Integer> dimBounds, String source) {
        Map<String, TensorType> weights = new LinkedHashMap<>();
        Map<String, Tensor> data = new LinkedHashMap<>();
        for (OnnxMl.TensorProto t : g.getInitializerList()) {
            Tensor v = OnnxTensors.decode(t, baseDir);
            weights.put(t.getName(), v.type());
            data.put(t.getName(), v);
        }
        List<String> inputs = new ArrayList<>();
        Map<String, TensorType> types = new LinkedHashMap<>(weights);
        for (OnnxMl.ValueInfoProto vi : g.getInputList()) {
            if (weights.containsKey(vi.getName())) {
                continue;
            }
            inputs.add(vi.getName());
            types.put(vi.getName(), inputType(vi, dimBounds));
        }
        List<Node> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int idx = 0;
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            String name = n.getName().isEmpty() || names.contains(n.getName()) ? n.getOpType() + "_" + idx : n.getName();
            names.add(name);
            idx++;
            if (n.getOpType().equals("Dropout") && n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
                nodes.addAll(DropoutMask.nodes(name, n.getInput(0), n.getOutput(0), n.getOutput(1)));
                continue;
            }
            Op op = OnnxOps.translate(n, name, opset);
            nodes.add(new Node(name, op, n.getInputList(), n.getOutputList()));
        }
        List<String> outputs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto vi : g.getOutputList()) {
            outputs.add(vi.getName());
        }
        String name = g.getName().isEmpty() ? Path.of(source).getFileName().toString() : g.getName();
        return new Graph(name, inputs, outputs, nodes, weights, data, types, Map.of());
    }

    private static TensorType inputType(OnnxMl.ValueInfoProto vi, Map<String, Integer> dimBounds) {
        if (!vi.getType().hasTensorType()) {
            throw new IllegalArgumentException("input " + vi.getName() + " is not a tensor");
        }
        OnnxMl.TypeProto.Tensor tt = vi.getType().getTensorType();
        DType dt = OnnxTensors.dtype(tt.getElemType(), "input " + vi.getName());
        if (!tt.hasShape()) {
            throw new IllegalArgumentException("input " + vi.getName() + " has no shape (give the model static input shapes)");
        }
        List<OnnxMl.TensorShapeProto.Dimension> dims = tt.getShape().getDimList();
        int[] d = new int[dims.size()];
        for (int i = 0; i < d.length; i++) {
            OnnxMl.TensorShapeProto.Dimension dim = dims.get(i);
            if (dim.hasDimValue()) {
                d[i] = staticDim(vi.getName(), i, dim.getDimValue());
            } else {
                String param = dim.hasDimParam() ? dim.getDimParam() : "";
                Integer bound = param.isEmpty() ? null : dimBounds.get(param);
                if (bound == null) {
                    throw new IllegalArgumentException("input " + vi.getName() + " dimension " + i + " is dynamic"
                            + (param.isEmpty() ? "" : " ('" + param + "')") + " without a bound"
                            + (param.isEmpty() ? " (export with static shapes)" : " (give one with --dim " + param + "=N)"));
                }
                d[i] = bound;
            }
        }
        return new TensorType(dt, Shape.of(d));
    }

    private static int staticDim(String input, int i, long size) {
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input " + input + " dimension " + i + " has static size " + size
                    + (size == 0 ? " (empty tensors are not supported)" : size < 0 ? " (a size must be positive)"
                    : " (more than the 2,147,483,647 one dimension can have)"));
        }
        return (int) size;
    }
}
