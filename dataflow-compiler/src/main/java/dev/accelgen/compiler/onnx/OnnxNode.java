package dev.accelgen.compiler.onnx;

import ai.onnx.proto.OnnxMl;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.compiler.passes.TypeTracker;
import dev.accelgen.errors.ModelError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX node as a translation sees it: its unique name, attributes, input and output value names (renamed when
 * it sits in an inlined If branch), the opset, and the types and constants of every value defined before it.
 */
final class OnnxNode {
    private final OnnxMl.NodeProto proto;
    private final String name;
    private final List<String> inputs;
    private final List<String> outputs;
    private final int opset;
    private final TypeTracker values;
    private final String source;
    private final Map<String, OnnxMl.AttributeProto> attrs = new HashMap<>();

    OnnxNode(OnnxMl.NodeProto proto, String name, List<String> inputs, List<String> outputs, int opset,
             TypeTracker values, String source) {
        this.proto = proto;
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.opset = opset;
        this.values = values;
        this.source = source;
        for (OnnxMl.AttributeProto a : proto.getAttributeList()) {
            attrs.put(a.getName(), a);
        }
    }

    String type() {
        return proto.getOpType();
    }

    String domain() {
        return proto.getDomain();
    }

    String name() {
        return name;
    }

    int opset() {
        return opset;
    }

    List<String> inputs() {
        return inputs;
    }

    List<String> outputs() {
        return outputs;
    }

    /** Input i's value name, "" when omitted. */
    String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    boolean hasInput(int i) {
        return !input(i).isEmpty();
    }

    /** Whether output i is present and named (optional outputs may be absent or ""). */
    boolean hasOutput(int i) {
        return i < outputs.size() && !outputs.get(i).isEmpty();
    }

    /** The static type of input i (the importer adds nodes in order, so every input is known). */
    TensorType inputType(int i) {
        TensorType t = values.type(input(i));
        if (t == null) {
            throw new IllegalArgumentException("node " + name + " reads " + input(i)
                    + " before it is defined (graph not in topological order or value missing)");
        }
        return t;
    }

    Shape inputShape(int i) {
        return inputType(i).shape();
    }

    /** The value of input i when it is constant (weights, constants, static shapes), else null. */
    Tensor constant(int i) {
        return hasInput(i) ? values.constant(input(i)) : null;
    }

    boolean has(String attr) {
        return attrs.containsKey(attr);
    }

    OnnxMl.AttributeProto attr(String attr) {
        return attrs.get(attr);
    }

    long i(String attr, long dflt) {
        return attrs.containsKey(attr) ? attrs.get(attr).getI() : dflt;
    }

    float f(String attr, float dflt) {
        return attrs.containsKey(attr) ? attrs.get(attr).getF() : dflt;
    }

    String s(String attr, String dflt) {
        return attrs.containsKey(attr) ? attrs.get(attr).getS().toStringUtf8() : dflt;
    }

    /** An ints attribute, or null when absent. */
    int[] ints(String attr) {
        if (!attrs.containsKey(attr)) {
            return null;
        }
        OnnxMl.AttributeProto a = attrs.get(attr);
        int[] r = new int[a.getIntsCount()];
        for (int k = 0; k < r.length; k++) {
            r[k] = Math.toIntExact(a.getInts(k));
        }
        return r;
    }

    /** The node translated to one IR op with the same inputs and outputs. */
    List<Node> as(Op op) {
        return List.of(new Node(name, op, inputs, outputs));
    }

    /** A user error about this node: one line naming the file, the node and its op type. */
    ModelError error(String problem) {
        return new ModelError(source, "node " + name + " (" + type() + "): " + problem);
    }
}
