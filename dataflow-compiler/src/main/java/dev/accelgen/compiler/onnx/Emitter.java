package dev.accelgen.compiler.onnx;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the IR nodes one ONNX node lowers to. Intermediate values and nodes are named {@code <node>#<step>},
 * so they stay unique and say where they came from; the last node takes the ONNX node's name and outputs.
 */
final class Emitter {
    private final String prefix;
    private final List<Node> nodes = new ArrayList<>();

    Emitter(String prefix) {
        this.prefix = prefix;
    }

    /** Adds a one-output node; returns its output value. */
    String op(String step, Op op, String... inputs) {
        return opTo(step, prefix + "#" + step, op, inputs);
    }

    /** Adds a one-output node writing {@code output} (one of the ONNX node's outputs, say); returns it. */
    String opTo(String step, String output, Op op, String... inputs) {
        nodes.add(new Node(prefix + "#" + step, op, List.of(inputs), List.of(output)));
        return output;
    }

    String longs(String step, long... values) {
        return op(step, new Op.Constant(Tensor.ofLongs(DType.INT64, Shape.of(values.length), values)));
    }

    String scalar(String step, float value) {
        return op(step, new Op.Constant(Tensor.ofFloats(Shape.scalar(), new float[] {value})));
    }

    /** {@code x} reshaped to {@code dims}. */
    String reshape(String step, String x, int... dims) {
        long[] d = new long[dims.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims[i];
        }
        return op(step, new Op.Reshape(true), x, longs(step + "_shape", d));
    }

    /** {@code x} transposed by {@code perm}, or {@code x} itself when perm is the identity. */
    String transpose(String step, String x, int... perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return op(step, new Op.Transpose(perm.clone()), x);
            }
        }
        return x;
    }

    /** The final node, named after the ONNX node, writing its outputs. */
    List<Node> finish(Op op, List<String> inputs, List<String> outputs) {
        nodes.add(new Node(prefix, op, inputs, outputs));
        return nodes;
    }

    /**
     * Makes {@code value} the ONNX node's output: when the last node emitted produced it, that node is renamed after
     * the ONNX node and writes {@code output} directly; otherwise an Identity copies it.
     */
    List<Node> finishAs(String value, String output) {
        int last = nodes.size() - 1;
        if (last >= 0 && nodes.get(last).outputs().equals(List.of(value))) {
            Node n = nodes.get(last);
            nodes.set(last, new Node(prefix, n.op(), n.inputs(), List.of(output)));
            return nodes;
        }
        return finish(new Op.Unary(Op.UnaryKind.IDENTITY), List.of(value), List.of(output));
    }

    /** Copies {@code value} to an extra output of the ONNX node (a present key/value cache, say). */
    void copy(String step, String value, String output) {
        opTo(step, output, new Op.Unary(Op.UnaryKind.IDENTITY), value);
    }
}
