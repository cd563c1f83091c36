package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.passes.GraphView;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.errors.ModelError;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import java.util.HashMap;
import java.util.Map;

/**
 * Lowers graph values on demand, from the outputs back: each value becomes a {@link Form} of one LIR value, and
 * the ops that compute it are appended to the builder after the ops of its operands (so the op list is in
 * dependency order). Subgraphs that are one LIR op (the rotate-half RoPE, MatMul + bias Add) are recognised at their
 * root; their inner nodes are never lowered on their own. Any value whose node is none of the supported forms is a
 * {@link ModelError} naming the node and its op.
 */
final class GraphLowerer {
    final String source;
    final Graph g;
    final GraphView view;
    final RopeMatch rope;
    final QuantPlan plan;
    final Map<Node, Scheme> schemes;
    final Map<String, Double> ranges;
    final LowerOptions options;
    final LirBuilder b;
    private final Map<String, Form> done = new HashMap<>();
    final ProjectionRules projections = new ProjectionRules(this);
    final VectorRules vectors = new VectorRules(this);
    final ColumnRules columns = new ColumnRules(this);
    final SequenceRules sequences = new SequenceRules(this);
    final MoeRules moes = new MoeRules(this);
    /** The graph's token count (rows). */
    final int tokens;
    /** The attention scales applied to q by an Affine (by the Affine's output id), for {@link ScaleFolding}. */
    final Map<Integer, Double> qScales = new HashMap<>();
    /** Each attention's calibrated max |v| (by its output value id), for {@link ValueScaling}. */
    final Map<Integer, Double> valueRanges = new HashMap<>();
    /** Whether some attention sees rows after its own (then the model runs whole sequences). */
    boolean nonCausal;
    /** The most positions the model's tables cover (Integer.MAX_VALUE: unlimited). */
    int tableLimit = Integer.MAX_VALUE;

    GraphLowerer(String source, Graph g, QuantPlan plan, Map<String, Double> ranges, LowerOptions options, LirBuilder b) {
        this.source = source;
        this.g = g;
        this.view = new GraphView(g);
        this.rope = new RopeMatch(view);
        this.plan = plan;
        this.schemes = new HashMap<>(plan.resolve(g));
        this.schemes.putAll(plan.resolveMoe(g));
        this.ranges = ranges;
        this.options = options;
        this.b = b;
        this.tokens = tokenCount();
    }

    void lowerOutputs() {
        for (String out : g.outputs()) {
            Form f = lower(out);
            if (!(f instanceof Form.Rows)) {
                throw new ModelError(source, "graph output " + out + " is not a [1, T, features] tensor the accelerator writes row by row");
            }
            b.add(new LirOp.Output(out, f.val(), g.type(out).shape().dims()));
        }
    }

    private int tokenCount() {
        int t = -1;
        for (String in : g.inputs()) {
            int[] d = g.type(in).shape().dims();
            boolean ids = g.type(in).dtype() != DType.FLOAT32;
            int rowsAxis = ids ? d.length - 1 : d.length - 2;
            if (rowsAxis < 0 || !leadingOnes(d, rowsAxis)) {
                throw new ModelError(source, "input " + in + " " + g.type(in) + " must be " + (ids ? "[1, T] token ids" : "[1, T, features]")
                        + " (batch 1) for the accelerator back end");
            }
            if (t >= 0 && d[rowsAxis] != t) {
                throw new ModelError(source, "inputs disagree on the token count (" + t + " and " + d[rowsAxis] + ")");
            }
            t = d[rowsAxis];
        }
        if (t < 1) {
            throw new ModelError(source, "the graph has no inputs to take tokens from");
        }
        return t;
    }

    private static boolean leadingOnes(int[] d, int upTo) {
        for (int i = 0; i < upTo; i++) {
            if (d[i] != 1) {
                return false;
            }
        }
        return true;
    }

    Form lower(String value) {
        Form f = done.get(value);
        if (f == null) {
            f = compute(value);
            done.put(value, f);
        }
        return f;
    }

    private Form compute(String value) {
        if (g.inputs().contains(value)) {
            return input(value);
        }
        Node n = view.prod(value);
        if (n == null) {
            throw new ModelError(source, "constant " + value + " is used where the accelerator back end expects activations");
        }
        return switch (n.op().tag()) {
            case MAT_MUL -> projections.linear(n, null);
            case BINARY -> vectors.binary(n);
            case UNARY -> vectors.unary(n, (Op.Unary) n.op());
            case GELU -> {
                if (((Op.Gelu) n.op()).tanh()) {
                    b.note("GELU (tanh approximation) at " + n.name() + " runs through the erf GELU table (they differ by at most 5e-4)");
                }
                yield vectors.activation(n, ActFn.GELU, rows(n, n.input(0)));
            }
            case SWI_GLU -> vectors.swiGlu(n);
            case RMS_NORM -> vectors.norm(n, LirOp.NormKind.RMS, ((Op.RmsNorm) n.op()).eps(), -1);
            case LAYER_NORM -> vectors.norm(n, LirOp.NormKind.LAYER, ((Op.LayerNorm) n.op()).eps(), ((Op.LayerNorm) n.op()).axis());
            case SOFTMAX -> vectors.softmax(n);
            case RESHAPE, TRANSPOSE, UNSQUEEZE, TILE, EXPAND -> HeadViews.apply(this, n, lower(n.input(0)), tokens);
            case SPLIT -> columns.split(n, value);
            case SLICE -> columns.slice(n);
            case CONCAT -> columns.concat(n);
            case GATHER -> embedding(n);
            case ATTENTION -> sequences.attention(n, (Op.Attention) n.op());
            case ROPE -> sequences.onnxRope(n, (Op.Rope) n.op());
            case MLGRU -> sequences.mlgru(n);
            case MOE -> moes.moe(n, (Op.Moe) n.op());
            default -> throw unsupported(n, "no accelerator operation computes it");
        };
    }

    ModelError unsupported(Node n, String why) {
        return new ModelError(source, "node " + n.name() + " (" + n.op().kind() + "): the accelerator back end cannot lower it: " + why);
    }

    private Form input(String in) {
        int[] d = g.type(in).shape().dims();
        if (g.type(in).dtype() != DType.FLOAT32) {
            Val ids = b.ids(in);
            b.add(new LirOp.Input(in, ids));
            return new Form.Ids(ids);
        }
        Val v = b.fx(in, d[d.length - 1]);
        b.add(new LirOp.Input(in, v));
        return new Form.Rows(v);
    }

    /** The rows form of an operand, or an error naming the node that reads it. */
    Val rows(Node n, String operand) {
        Form f = lower(operand);
        if (!(f instanceof Form.Rows r)) {
            throw unsupported(n, "operand " + operand + " is " + describe(f) + ", not [1, T, features] rows");
        }
        return r.val();
    }

    private static String describe(Form f) {
        if (f instanceof Form.Heads h) {
            return "attention heads" + (h.repeat() > 1 ? " repeated for grouped-query attention" : "");
        }
        return f instanceof Form.Ids ? "token ids" : "grouped key/value heads";
    }

    Val fx(String name, int cols) {
        return b.fx(name, cols);
    }

    void add(LirOp op) {
        b.add(op);
    }

    void note(String n) {
        b.note(n);
    }

    private Form embedding(Node n) {
        Tensor table = view.constant(n.input(0));
        if (((Op.Gather) n.op()).axis() != 0 || table == null || table.shape().rank() != 2 || !table.isFloating()) {
            throw unsupported(n, "only embedding lookups (rows of a constant [vocab, features] table) are gathers the back end runs");
        }
        Form ids = lower(n.input(1));
        if (!(ids instanceof Form.Ids id)) {
            throw unsupported(n, "its indices are not the model's token-id input");
        }
        int vocab = table.shape().dim(0);
        int d = table.shape().dim(1);
        int[][] fx = new int[vocab][d];
        for (int r = 0; r < vocab; r++) {
            for (int c = 0; c < d; c++) {
                fx[r][c] = EltwiseArith.toFx(table.floats()[r * d + c]);
            }
        }
        Val out = b.fx(n.output(), d);
        b.add(new LirOp.Embedding(id.val(), out, fx));
        return new Form.Rows(out);
    }

    void limit(int positions) {
        tableLimit = Math.min(tableLimit, positions);
    }

    Shape shape(String value) {
        return g.type(value).shape();
    }
}
