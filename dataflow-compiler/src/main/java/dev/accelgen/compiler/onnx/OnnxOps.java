package dev.accelgen.compiler.onnx;

import ai.onnx.proto.OnnxMl;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Op.UnaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Translates one ONNX or QONNX NodeProto into an IR op (opset 13 and newer semantics). */
final class OnnxOps {
    /** Thrown for an op type the IR does not implement; the importer names the file. */
    static final class UnknownOp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownOp(String message) {
            super(message);
        }
    }

    private static final Map<String, BinaryKind> BINARY = Map.ofEntries(
            Map.entry("Add", BinaryKind.ADD), Map.entry("Sub", BinaryKind.SUB), Map.entry("Mul", BinaryKind.MUL),
            Map.entry("Div", BinaryKind.DIV), Map.entry("Pow", BinaryKind.POW), Map.entry("Max", BinaryKind.MAX),
            Map.entry("Min", BinaryKind.MIN), Map.entry("Equal", BinaryKind.EQUAL), Map.entry("Greater", BinaryKind.GREATER),
            Map.entry("GreaterOrEqual", BinaryKind.GREATER_OR_EQUAL), Map.entry("Less", BinaryKind.LESS),
            Map.entry("LessOrEqual", BinaryKind.LESS_OR_EQUAL), Map.entry("And", BinaryKind.AND), Map.entry("Or", BinaryKind.OR));

    private static final Map<String, UnaryKind> UNARY = Map.ofEntries(
            Map.entry("Neg", UnaryKind.NEG), Map.entry("Abs", UnaryKind.ABS), Map.entry("Sqrt", UnaryKind.SQRT),
            Map.entry("Reciprocal", UnaryKind.RECIPROCAL), Map.entry("Exp", UnaryKind.EXP), Map.entry("Log", UnaryKind.LOG),
            Map.entry("Erf", UnaryKind.ERF), Map.entry("Tanh", UnaryKind.TANH), Map.entry("Sigmoid", UnaryKind.SIGMOID),
            Map.entry("Relu", UnaryKind.RELU), Map.entry("Floor", UnaryKind.FLOOR), Map.entry("Ceil", UnaryKind.CEIL),
            Map.entry("Round", UnaryKind.ROUND), Map.entry("Not", UnaryKind.NOT), Map.entry("Identity", UnaryKind.IDENTITY));

    private OnnxOps() {
    }

    static boolean isQonnxDomain(String domain) {
        return domain.equals("qonnx.custom_op.general") || domain.equals("finn.custom_op.general") || domain.equals("onnx.brevitas");
    }

    static Op translate(OnnxMl.NodeProto n, String nodeName, int opset) {
        Map<String, OnnxMl.AttributeProto> a = new HashMap<>();
        for (OnnxMl.AttributeProto ap : n.getAttributeList()) {
            a.put(ap.getName(), ap);
        }
        String type = n.getOpType();
        String domain = n.getDomain();
        boolean standard = domain.isEmpty() || domain.equals("ai.onnx");
        if (!standard && !isQonnxDomain(domain)) {
            throw unknown(n, nodeName, opset);
        }
        if (isQonnxDomain(domain)) {
            return switch (type) {
                case "Quant" -> new Op.Quant(i(a, "signed", 1) != 0, i(a, "narrow", 0) != 0, rounding(s(a, "rounding_mode", "ROUND")));
                case "BipolarQuant" -> new Op.BipolarQuant();
                case "Trunc" -> new Op.Trunc(rounding(s(a, "rounding_mode", "FLOOR")), i(a, "signed", 1) != 0, i(a, "narrow", 0) != 0);
                default -> throw unknown(n, nodeName, opset);
            };
        }
        if (BINARY.containsKey(type)) {
            if (n.getInputCount() != 2) {
                throw new IllegalArgumentException("node " + nodeName + " (" + type + ") has " + n.getInputCount()
                        + " inputs; only the two-input form is supported");
            }
            return new Op.Binary(BINARY.get(type));
        }
        if (UNARY.containsKey(type)) {
            return new Op.Unary(UNARY.get(type));
        }
        return switch (type) {
            case "Dropout" -> new Op.Unary(UnaryKind.IDENTITY);
            case "Gelu" -> new Op.Gelu(s(a, "approximate", "none").equals("tanh"));
            case "Where" -> new Op.Where();
            case "MatMul" -> new Op.MatMul();
            case "Gemm" -> new Op.Gemm(f(a, "alpha", 1f), f(a, "beta", 1f), i(a, "transA", 0) != 0, i(a, "transB", 0) != 0);
            case "Softmax" -> new Op.Softmax((int) i(a, "axis", -1));
            case "LayerNormalization" -> {
                if (n.getOutputCount() > 1) {
                    throw new IllegalArgumentException("node " + nodeName + " (LayerNormalization) asks for Mean/InvStdDev outputs, which are not supported");
                }
                yield new Op.LayerNorm((int) i(a, "axis", -1), f(a, "epsilon", 1e-5f));
            }
            case "RMSNormalization" -> new Op.RmsNorm(f(a, "epsilon", 1e-5f));
            case "Transpose" -> new Op.Transpose(a.containsKey("perm") ? ints(a.get("perm")) : null);
            case "Reshape" -> new Op.Reshape(i(a, "allowzero", 0) != 0);
            case "Split" -> new Op.Split((int) i(a, "axis", 0));
            case "Concat" -> new Op.Concat((int) i(a, "axis", 0));
            case "Slice" -> new Op.Slice();
            case "Gather" -> new Op.Gather((int) i(a, "axis", 0));
            case "Unsqueeze" -> new Op.Unsqueeze();
            case "Squeeze" -> new Op.Squeeze();
            case "Tile" -> new Op.Tile();
            case "Expand" -> new Op.Expand();
            case "Shape" -> new Op.ShapeOf((int) i(a, "start", 0), a.containsKey("end") ? (int) i(a, "end", 0) : Op.ShapeOf.TO_END);
            case "Cast" -> new Op.Cast(OnnxTensors.dtype((int) i(a, "to", 1), "Cast target of node " + nodeName));
            case "Constant" -> new Op.Constant(constant(a, nodeName));
            case "ConstantOfShape" -> new Op.ConstantOfShape(a.containsKey("value") ? OnnxTensors.decode(a.get("value").getT(), null)
                    : Tensor.ofFloats(Shape.scalar(), new float[] {0f}));
            case "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin" -> reduce(type, a, opset);
            case "TopK" -> new Op.TopK((int) i(a, "axis", -1), i(a, "largest", 1) != 0, i(a, "sorted", 1) != 0);
            case "Clip" -> new Op.Clip();
            case "QuantizeLinear" -> new Op.QuantizeLinear((int) i(a, "axis", 1));
            case "DequantizeLinear" -> new Op.DequantizeLinear((int) i(a, "axis", 1));
            default -> throw unknown(n, nodeName, opset);
        };
    }

    private static Op reduce(String type, Map<String, OnnxMl.AttributeProto> a, int opset) {
        Op.ReduceKind k = switch (type) {
            case "ReduceMean" -> Op.ReduceKind.MEAN;
            case "ReduceSum" -> Op.ReduceKind.SUM;
            case "ReduceMax" -> Op.ReduceKind.MAX;
            default -> Op.ReduceKind.MIN;
        };
        // ReduceSum takes axes as an input from opset 13, the others from opset 18
        int[] axes = a.containsKey("axes") ? ints(a.get("axes")) : null;
        return new Op.Reduce(k, axes, i(a, "keepdims", 1) != 0);
    }

    private static UnknownOp unknown(OnnxMl.NodeProto n, String nodeName, int opset) {
        String domain = n.getDomain().isEmpty() ? "ai.onnx" : n.getDomain();
        return new UnknownOp("unknown op type " + n.getOpType() + " (node " + nodeName + ", domain " + domain + ", opset " + opset + ")");
    }

    private static Op.RoundingMode rounding(String s) {
        return switch (s.toUpperCase(java.util.Locale.ROOT)) {
            case "ROUND", "HALF_EVEN" -> Op.RoundingMode.ROUND;
            case "CEIL" -> Op.RoundingMode.CEIL;
            case "FLOOR" -> Op.RoundingMode.FLOOR;
            case "UP" -> Op.RoundingMode.UP;
            case "DOWN", "ROUND_TO_ZERO" -> Op.RoundingMode.DOWN;
            case "HALF_UP" -> Op.RoundingMode.HALF_UP;
            case "HALF_DOWN" -> Op.RoundingMode.HALF_DOWN;
            default -> throw new IllegalArgumentException("rounding_mode " + s + " is not one of ROUND, HALF_EVEN, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN");
        };
    }

    private static Tensor constant(Map<String, OnnxMl.AttributeProto> a, String nodeName) {
        if (a.containsKey("value")) {
            return OnnxTensors.decode(a.get("value").getT(), null);
        }
        if (a.containsKey("value_float")) {
            return Tensor.ofFloats(Shape.scalar(), new float[] {a.get("value_float").getF()});
        }
        if (a.containsKey("value_int")) {
            return Tensor.scalarLong(a.get("value_int").getI());
        }
        if (a.containsKey("value_floats")) {
            List<Float> v = a.get("value_floats").getFloatsList();
            float[] f = new float[v.size()];
            for (int k = 0; k < f.length; k++) {
                f[k] = v.get(k);
            }
            return Tensor.ofFloats(Shape.of(f.length), f);
        }
        if (a.containsKey("value_ints")) {
            List<Long> v = a.get("value_ints").getIntsList();
            long[] l = new long[v.size()];
            for (int k = 0; k < l.length; k++) {
                l[k] = v.get(k);
            }
            return Tensor.ofLongs(DType.INT64, Shape.of(l.length), l);
        }
        throw new IllegalArgumentException("Constant node " + nodeName + " has no supported value attribute");
    }

    private static long i(Map<String, OnnxMl.AttributeProto> a, String name, long dflt) {
        return a.containsKey(name) ? a.get(name).getI() : dflt;
    }

    private static float f(Map<String, OnnxMl.AttributeProto> a, String name, float dflt) {
        return a.containsKey(name) ? a.get(name).getF() : dflt;
    }

    private static String s(Map<String, OnnxMl.AttributeProto> a, String name, String dflt) {
        return a.containsKey(name) ? a.get(name).getS().toStringUtf8() : dflt;
    }

    private static int[] ints(OnnxMl.AttributeProto ap) {
        int[] r = new int[ap.getIntsCount()];
        for (int k = 0; k < r.length; k++) {
            r[k] = (int) ap.getInts(k);
        }
        return r;
    }
}
