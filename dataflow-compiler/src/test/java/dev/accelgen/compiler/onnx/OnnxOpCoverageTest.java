package dev.accelgen.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The op types the importer accepts: the numbers dataflow-compiler/README.md states. */
class OnnxOpCoverageTest {
    /** What the importer accepted before the transformer-export ops (59 ai.onnx types). */
    static final List<String> BEFORE = List.of("Abs", "Add", "And", "Cast", "Ceil", "Clip", "Concat", "Constant",
            "ConstantOfShape", "DequantizeLinear", "Div", "Dropout", "Equal", "Erf", "Exp", "Expand", "Floor", "Gather", "Gelu",
            "Gemm", "Greater", "GreaterOrEqual", "Identity", "LayerNormalization", "Less", "LessOrEqual", "Log", "MatMul", "Max",
            "Min", "Mul", "Neg", "Not", "Or", "Pow", "QuantizeLinear", "RMSNormalization", "Reciprocal", "ReduceMax",
            "ReduceMean", "ReduceMin", "ReduceSum", "Relu", "Reshape", "Round", "Shape", "Sigmoid", "Slice", "Softmax", "Split",
            "Sqrt", "Squeeze", "Sub", "Tanh", "Tile", "TopK", "Transpose", "Unsqueeze", "Where");

    static final List<String> ADDED = List.of("Attention", "BatchNormalization", "Conv", "CumSum", "Einsum", "Flatten", "If",
            "LogSoftmax", "Mod", "Range", "RotaryEmbedding");

    @Test
    void supportedOpTypes() {
        SortedSet<String> expected = new TreeSet<>(BEFORE);
        expected.addAll(ADDED);
        assertEquals(59, BEFORE.size());
        assertEquals(expected, OnnxImporter.supportedOpTypes());
        assertEquals(70, OnnxImporter.supportedOpTypes().size());
        assertEquals(List.of("BipolarQuant", "Quant", "Trunc"), List.copyOf(OnnxImporter.supportedQonnxOpTypes()));
    }
}
