package dev.accelgen.compiler.onnx;

import ai.onnx.proto.OnnxMl;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.compiler.passes.TypeTracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates an ONNX graph into the IR node by node, typing every value as it goes (translations may read the
 * shapes and constant values of their operands), and inlines the taken branch of every If whose condition is
 * constant. Values defined inside a branch are renamed {@code <if node>/then/<name>} (or {@code /else/}).
 */
final class GraphImport {
    private final int opset;
    private final Path baseDir;
    private final String source;
    private final TypeTracker values = new TypeTracker();
    private final Map<String, TensorType> weights = new LinkedHashMap<>();
    private final Map<String, Tensor> data = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> nodeNames = new HashSet<>();
    private int index;

    private GraphImport(int opset, Path baseDir, String source) {
        this.opset = opset;
        this.baseDir = baseDir;
        this.source = source;
    }

    static Graph run(OnnxMl.GraphProto g, int opset, Path baseDir, Map<String, Integer> dimBounds, String source) {
        GraphImport im = new GraphImport(opset, baseDir, source);
        Set<String> initializers = new HashSet<>();
        g.getInitializerList().forEach(t -> initializers.add(t.getName()));
        List<String> inputs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto vi : g.getInputList()) {
            if (!initializers.contains(vi.getName())) {
                inputs.add(vi.getName());
                im.values.declareInput(vi.getName(), inputType(vi, dimBounds));
            }
        }
        im.body(g, Scope.TOP);
        List<String> outputs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto vi : g.getOutputList()) {
            outputs.add(vi.getName());
        }
        String name = g.getName().isEmpty() ? Path.of(source).getFileName().toString() : g.getName();
        return new Graph(name, inputs, outputs, im.nodes, im.weights, im.data, im.values.types(), Map.of());
    }

    /** Renames the values a branch defines; names it does not define refer to enclosing scopes. */
    private record Scope(Scope parent, String prefix, Map<String, String> local) {
        static final Scope TOP = new Scope(null, "", Map.of());

        Scope child(String prefix) {
            return new Scope(this, prefix, new HashMap<>());
        }

        String define(String name) {
            if (name.isEmpty() || parent == null) {
                return name;
            }
            local.put(name, prefix + name);
            return prefix + name;
        }

        String resolve(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.local.containsKey(name)) {
                    return s.local.get(name);
                }
            }
            return name;
        }
    }

    private void body(OnnxMl.GraphProto g, Scope scope) {
        for (OnnxMl.TensorProto t : g.getInitializerList()) {
            Tensor v = OnnxTensors.decode(t, baseDir);
            String name = scope.define(t.getName());
            weights.put(name, v.type());
            data.put(name, v);
            values.declareWeight(name, v.type(), v);
        }
        for (OnnxMl.NodeProto p : g.getNodeList()) {
            node(p, scope);
        }
    }

    private void node(OnnxMl.NodeProto p, Scope scope) {
        String fallback = scope.prefix() + p.getOpType() + "_" + index++;
        String name = p.getName().isEmpty() || nodeNames.contains(scope.prefix() + p.getName()) ? fallback : scope.prefix() + p.getName();
        List<String> ins = p.getInputList().stream().map(scope::resolve).toList();
        List<String> outs = p.getOutputList().stream().map(scope::define).toList();
        OnnxNode n = new OnnxNode(p, name, ins, outs, opset, values, source);
        if (OnnxOps.isStandardDomain(p.getDomain()) && p.getOpType().equals(OnnxOps.IF)) {
            inlineIf(n, scope);
            return;
        }
        if (OnnxOps.isStandardDomain(p.getDomain()) && p.getOpType().equals("Dropout") && outs.size() > 1
                && !outs.get(1).isEmpty()) {
            DropoutMask.nodes(name, ins.get(0), outs.get(0), outs.get(1)).forEach(this::add);
            return;
        }
        for (Node x : OnnxOps.translate(n)) {
            add(x);
        }
    }

    private void add(Node n) {
        values.add(n);
        nodes.add(n);
        nodeNames.add(n.name());
    }

    /** The branch the constant condition selects, its nodes in place of the If, its outputs copied to the If's. */
    private void inlineIf(OnnxNode n, Scope scope) {
        Tensor cond = n.constant(0);
        if (cond == null) {
            throw n.error("condition " + n.input(0) + " is not a constant (only an If whose condition folds to a constant"
                    + " on import is supported, by inlining the taken branch)");
        }
        if (cond.size() != 1) {
            throw n.error("condition " + n.input(0) + " has " + cond.size() + " elements; it needs exactly 1");
        }
        boolean then = cond.get(0) != 0;
        String attr = then ? "then_branch" : "else_branch";
        if (!n.has(attr) || !n.attr(attr).hasG()) {
            throw n.error("has no " + attr + " graph");
        }
        OnnxMl.GraphProto branch = n.attr(attr).getG();
        if (branch.getOutputCount() != n.outputs().size()) {
            throw n.error(attr + " has " + branch.getOutputCount() + " outputs, the If has " + n.outputs().size());
        }
        Scope inner = scope.child(n.name() + (then ? "/then/" : "/else/"));
        body(branch, inner);
        for (int i = 0; i < n.outputs().size(); i++) {
            if (n.hasOutput(i)) {
                add(new Node(n.name() + "#out" + i, new Op.Unary(Op.UnaryKind.IDENTITY),
                        List.of(inner.resolve(branch.getOutput(i).getName())), List.of(n.outputs().get(i))));
            }
        }
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
