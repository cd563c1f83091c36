package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.StateBuf;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.interp.FusedKernels;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.passes.GraphView;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.errors.ModelError;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.accel.isa.VecInstr.BinOp;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers graph values on demand, from the outputs back: each value becomes a {@link Form} of one LIR value, and
 * the ops that compute it are appended to the builder after the ops of its operands (so the op list is in
 * dependency order). Subgraphs that are one LIR op (the rotate-half RoPE, MatMul + bias Add) are recognised at their
 * root; their inner nodes are never lowered on their own. Any value whose node is none of the supported forms is a
 * {@link ModelError} naming the node and its op.
 */
final class GraphLowerer {
    private final String source;
    private final Graph g;
    private final GraphView view;
    private final RopeMatch rope;
    private final QuantPlan plan;
    private final Map<Node, Scheme> schemes;
    private final Map<String, Double> ranges;
    private final LowerOptions options;
    private final LirBuilder b;
    private final Map<String, Form> done = new HashMap<>();
    private final Map<String, List<Node>> consumers;
    /** The graph's token count (rows). */
    final int tokens;
    /** The attention scales applied to q by an Affine (by the Affine's output id), for {@link ScaleFolding}. */
    final Map<Integer, Double> qScales = new HashMap<>();
    /** Each attention's calibrated max |v| (by its output value id), for {@link ValueScaling}. */
    final Map<Integer, Double> valueRanges = new HashMap<>();
    /** Whether some attention sees rows after its own (then the model runs whole sequences). */
    boolean nonCausal;
    /** The most positions the model's tables cover (Integer.MAX_VALUE: unlimited) and why. */
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
        this.consumers = g.consumers();
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
            case MAT_MUL -> linear(n, null);
            case BINARY -> binary(n);
            case UNARY -> unary(n, (Op.Unary) n.op());
            case GELU -> {
                if (((Op.Gelu) n.op()).tanh()) {
                    b.note("GELU (tanh approximation) at " + n.name() + " runs through the erf GELU table (they differ by at most 5e-4)");
                }
                yield activation(n, ActFn.GELU, rows(n, n.input(0)));
            }
            case SWI_GLU -> swiGlu(n);
            case RMS_NORM -> norm(n, LirOp.NormKind.RMS, ((Op.RmsNorm) n.op()).eps(), -1);
            case LAYER_NORM -> norm(n, LirOp.NormKind.LAYER, ((Op.LayerNorm) n.op()).eps(), ((Op.LayerNorm) n.op()).axis());
            case SOFTMAX -> softmax(n);
            case RESHAPE, TRANSPOSE, UNSQUEEZE, TILE -> HeadViews.apply(this, n, lower(n.input(0)), tokens);
            case SPLIT -> split(n, value);
            case SLICE -> slice(n);
            case CONCAT -> concat(n);
            case GATHER -> embedding(n);
            case ATTENTION -> attention(n, (Op.Attention) n.op());
            case ROPE -> onnxRope(n, (Op.Rope) n.op());
            case MLGRU -> mlgru(n);
            case MOE -> moe(n, (Op.Moe) n.op());
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

    // ---- weight products ----

    /** The constant [K, N] matrix a MatMul multiplies by (a weight, a Constant, or a transposed weight), or null. */
    private Tensor weightMatrix(Node mm) {
        Tensor w = view.constant(mm.input(1));
        if (w == null) {
            Node t = view.prod(mm.input(1));
            if (t != null && t.op() instanceof Op.Transpose tr && tr.perm().length == 2 && tr.perm()[0] == 1) {
                Tensor src = view.constant(t.input(0));
                w = src == null ? null : dev.accelgen.compiler.interp.ShapeKernels.transpose(src, tr.perm());
            }
        }
        return w != null && w.shape().rank() == 2 && w.isFloating() ? w : null;
    }

    private Scheme scheme(Node mm) {
        Scheme s = schemes.get(mm);
        if (s == null) {
            s = plan.overrides().getOrDefault(mm.name(), plan.defaultScheme());
        }
        if (s instanceof Scheme.Float) {
            throw unsupported(mm, "scheme float runs on no matrix unit; give this layer ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M");
        }
        return s;
    }

    /** MatMul by a constant matrix, optionally with the bias vector its consumer Add adds. */
    private Form linear(Node mm, Node biasAdd) {
        Tensor w = weightMatrix(mm);
        if (w == null) {
            throw unsupported(mm, "it multiplies two activations outside attention");
        }
        Val in = rows(mm, mm.input(0));
        if (in.cols() != w.shape().dim(0)) {
            throw unsupported(mm, "its input has " + in.cols() + " features for a " + w.shape() + " weight");
        }
        float[] bias = null;
        String value = mm.output();
        if (biasAdd != null) {
            bias = biasVector(biasAdd, mm.output(), w.shape().dim(1));
            value = biasAdd.output();
        }
        Val out = b.fx(value, w.shape().dim(1));
        b.add(new LinearSpec(mm.name(), value, in, out, scheme(mm), w, ranges.getOrDefault(mm.name(), 0.0), bias, ones(w.shape().dim(1))));
        return new Form.Rows(out);
    }

    /** The other operand of an Add when it is a constant vector of n entries (one row), else null. */
    private float[] biasVector(Node add, String matmulOut, int n) {
        String other = add.input(0).equals(matmulOut) ? add.input(1) : add.input(0);
        Tensor t = view.constant(other);
        return t != null && t.isFloating() && t.size() == n && t.shape().dim(-1) == n ? t.floats() : null;
    }

    /** The weight product an Add adds a bias vector to, when nothing else reads the product; else null. */
    private Node biasedMatMul(Node add) {
        for (int side = 0; side < 2; side++) {
            Node mm = view.prod(add.input(side));
            if (mm != null && mm.op() instanceof Op.MatMul && view.singleUse(mm.output()) && weightMatrix(mm) != null
                    && biasVector(add, mm.output(), weightMatrix(mm).shape().dim(1)) != null) {
                return mm;
            }
        }
        return null;
    }

    private static double[] ones(int n) {
        double[] f = new double[n];
        java.util.Arrays.fill(f, 1);
        return f;
    }

    // ---- element-wise ----

    private Form binary(Node n) {
        Op.BinaryKind k = ((Op.Binary) n.op()).op();
        if (k == Op.BinaryKind.ADD) {
            RopeMatch.Parts r = rope.match(n);
            if (r != null) {
                RopeTables.Recovered t = RopeTables.of(n.name(), r.cos(), r.sin());
                return rotary(n, lower(r.x()), t);
            }
            Node mm = biasedMatMul(n);
            if (mm != null) {
                return linear(mm, n);
            }
        }
        Tensor ca = view.constant(n.input(0));
        Tensor cb = view.constant(n.input(1));
        if (ca == null && cb == null) {
            BinOp op = switch (k) {
                case ADD -> BinOp.ADD;
                case SUB -> BinOp.SUB;
                case MUL -> BinOp.MUL;
                default -> throw unsupported(n, "the vector unit adds, subtracts and multiplies activations, nothing else");
            };
            Val a = rows(n, n.input(0));
            Val c = rows(n, n.input(1));
            if (a.cols() != c.cols()) {
                throw unsupported(n, "its operands have " + a.cols() + " and " + c.cols() + " features");
            }
            Val out = b.fx(n.output(), a.cols());
            b.add(new LirOp.Binary(op, a, c, out));
            return new Form.Rows(out);
        }
        if (ca != null && cb != null) {
            throw unsupported(n, "both operands are constant (constant folding should have removed it)");
        }
        boolean constFirst = ca != null;
        Tensor c = constFirst ? ca : cb;
        Val x = rows(n, n.input(constFirst ? 1 : 0));
        return ConstOperand.apply(this, n, k, x, c, constFirst, tokens);
    }

    private Form unary(Node n, Op.Unary u) {
        return switch (u.op()) {
            case IDENTITY -> lower(n.input(0));
            case NEG -> {
                Val x = rows(n, n.input(0));
                Val out = b.fx(n.output(), x.cols());
                b.add(new LirOp.Affine(x, out, -EltwiseArith.ONE, 0));
                yield new Form.Rows(out);
            }
            case RELU -> activation(n, ActFn.RELU, rows(n, n.input(0)));
            case SIGMOID -> activation(n, ActFn.SIGMOID, rows(n, n.input(0)));
            case TANH -> activation(n, ActFn.TANH, rows(n, n.input(0)));
            case EXP -> activation(n, ActFn.EXP, rows(n, n.input(0)));
            case SILU -> activation(n, ActFn.SILU, rows(n, n.input(0)));
            default -> throw unsupported(n, "the vector unit's functions are GELU, SiLU, sigmoid, tanh, exp and ReLU");
        };
    }

    private Form activation(Node n, ActFn fn, Val x) {
        Val out = b.fx(n.output(), x.cols());
        b.add(new LirOp.Activation(fn, x, out));
        return new Form.Rows(out);
    }

    private Form swiGlu(Node n) {
        Val gate = rows(n, n.input(0));
        Val up = rows(n, n.input(1));
        Val silu = b.fx(n.output() + ".silu", gate.cols());
        b.add(new LirOp.Activation(ActFn.SILU, gate, silu));
        Val out = b.fx(n.output(), gate.cols());
        b.add(new LirOp.Binary(BinOp.MUL, silu, up, out));
        return new Form.Rows(out);
    }

    private Form norm(Node n, LirOp.NormKind kind, float eps, int axis) {
        Val x = rows(n, n.input(0));
        int rank = g.type(n.input(0)).shape().rank();
        if (axis != -1 && axis != rank - 1) {
            throw unsupported(n, "it normalizes over more than the last axis");
        }
        long units = Math.round(eps * Math.pow(2, 32));
        if (units > 0xFFFF_FFFFL) {
            throw unsupported(n, "eps " + eps + " is 1 or more (the norm engines take eps below 1)");
        }
        int[] gain = n.hasInput(1) ? vector(n, n.input(1), x.cols()) : null;
        int[] bias = kind == LirOp.NormKind.LAYER && n.hasInput(2) ? vector(n, n.input(2), x.cols()) : null;
        Val out = b.fx(n.output(), x.cols());
        b.add(new LirOp.Norm(kind, x, out, gain, bias, units));
        return new Form.Rows(out);
    }

    /** A constant vector of n entries as Fx. */
    private int[] vector(Node n, String value, int cols) {
        Tensor t = view.constant(value);
        if (t == null || t.size() != cols) {
            throw unsupported(n, "operand " + value + " is not a constant vector of " + cols + " entries");
        }
        int[] fx = new int[cols];
        for (int i = 0; i < cols; i++) {
            fx[i] = EltwiseArith.toFx(t.get(i));
        }
        return fx;
    }

    private Form softmax(Node n) {
        int axis = ((Op.Softmax) n.op()).axis();
        int rank = g.type(n.input(0)).shape().rank();
        if (axis != -1 && axis != rank - 1) {
            throw unsupported(n, "softmax runs over the last axis only");
        }
        Val x = rows(n, n.input(0));
        Val out = b.fx(n.output(), x.cols());
        b.add(new LirOp.Softmax(x, out));
        return new Form.Rows(out);
    }

    // ---- column views ----

    private boolean lastAxis(int axis, String value) {
        int r = g.type(value).shape().rank();
        return axis == -1 || axis == r - 1;
    }

    private Form split(Node n, String value) {
        if (!lastAxis(((Op.Split) n.op()).axis(), n.input(0))) {
            throw unsupported(n, "it splits an axis other than the features");
        }
        Val x = rows(n, n.input(0));
        int from = 0;
        for (String o : n.outputs()) {
            int cols = g.type(o).shape().dim(-1);
            if (o.equals(value)) {
                Val out = b.fx(o, cols);
                b.add(new LirOp.Slice(x, from, out));
                return new Form.Rows(out);
            }
            from += cols;
        }
        throw new IllegalStateException(value + " is not an output of " + n.name());
    }

    private Form slice(Node n) {
        Integer start = Slices.lastAxisStart(view, n);
        if (start == null) {
            throw unsupported(n, "it slices more than a contiguous range of features");
        }
        Val x = rows(n, n.input(0));
        Val out = b.fx(n.output(), g.type(n.output()).shape().dim(-1));
        b.add(new LirOp.Slice(x, start, out));
        return new Form.Rows(out);
    }

    private Form concat(Node n) {
        if (!lastAxis(((Op.Concat) n.op()).axis(), n.output())) {
            throw unsupported(n, "it concatenates along an axis other than the features");
        }
        List<Val> parts = new ArrayList<>();
        for (String in : n.inputs()) {
            parts.add(rows(n, in));
        }
        Val out = b.fx(n.output(), parts.stream().mapToInt(Val::cols).sum());
        b.add(new LirOp.Concat(parts, out));
        return new Form.Rows(out);
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

    // ---- sequence ops ----

    /** The rotary op on x's heads (a head form, or rows of one head). */
    private Form rotary(Node n, Form x, RopeTables.Recovered t) {
        if (!(x instanceof Form.Heads h) || h.repeat() != 1) {
            throw unsupported(n, "the rotary embedding's input is not the heads of a projection");
        }
        if (h.dim() != 2 * t.table().half()) {
            throw unsupported(n, "its table rotates " + 2 * t.table().half() + " of the head's " + h.dim() + " features");
        }
        b.note(t.note());
        limit(t.table().positions());
        Val out = b.fx(n.output(), h.val().cols());
        b.add(new LirOp.Rope(h.val(), out, h.heads(), h.dim(), t.table()));
        return new Form.Heads(out, h.heads(), h.dim(), h.headMajor(), 1);
    }

    void limit(int positions) {
        tableLimit = Math.min(tableLimit, positions);
    }

    /** ONNX RotaryEmbedding: the rotate-half form over whole heads, with constant tables indexed by position. */
    private Form onnxRope(Node n, Op.Rope r) {
        if (r.interleaved()) {
            throw unsupported(n, "VROPE rotates halves, not interleaved pairs");
        }
        Form x = lower(n.input(0));
        int rank = g.type(n.input(0)).shape().rank();
        if (rank == 3 && x instanceof Form.Rows rows) {
            int heads = r.numHeads();
            x = new Form.Heads(rows.val(), heads, rows.val().cols() / heads, false, 1);
        }
        int d = x instanceof Form.Heads h ? h.dim() : 0;
        if (r.rotaryDim() != 0 && r.rotaryDim() != d) {
            throw unsupported(n, "it rotates " + r.rotaryDim() + " of " + d + " features (partial rotation)");
        }
        Tensor cos = view.constant(n.input(1));
        Tensor sin = view.constant(n.input(2));
        if (cos == null || sin == null) {
            throw unsupported(n, "its cos/sin tables are not constants");
        }
        if (n.hasInput(3)) {
            Tensor pos = view.constant(n.input(3));
            if (pos == null || pos.size() != tokens) {
                throw unsupported(n, "its position ids are not constant");
            }
            for (int i = 0; i < tokens; i++) {
                if ((long) pos.get(i) != i) {
                    throw unsupported(n, "its position ids are not 0..T-1 (the accelerator counts positions itself)");
                }
            }
        }
        int h = cos.shape().dim(-1);
        int rows = cos.size() / h;
        float[][] ct = new float[rows][h];
        float[][] st = new float[rows][h];
        for (int p = 0; p < rows; p++) {
            for (int i = 0; i < h; i++) {
                ct[p][i] = cos.floats()[p * h + i];
                st[p][i] = sin.floats()[p * h + i];
            }
        }
        Form f = rotary(n, x, RopeTables.of(n.name(), ct, st));
        return rank == 3 ? new Form.Rows(f.val()) : f;
    }

    private Form attention(Node n, Op.Attention a) {
        if (n.hasInput(3)) {
            throw unsupported(n, "it has an explicit mask (the accelerator masks causally or not at all)");
        }
        Form.Heads q = heads(n, n.input(0));
        Form.Heads k = heads(n, n.input(1));
        Form.Heads v = heads(n, n.input(2));
        if (q.repeat() != 1 || k.logicalHeads() != q.heads() && k.repeat() != 1 || k.heads() != v.heads() || k.repeat() != v.repeat()
                || q.heads() % k.heads() != 0 || k.dim() != q.dim() || v.dim() != q.dim()) {
            throw unsupported(n, "its query, key and value heads do not line up (" + q.heads() + "x" + q.dim() + ", " + k.heads() + "x"
                    + k.dim() + " repeated " + k.repeat() + ", " + v.heads() + "x" + v.dim() + ")");
        }
        Val qv = q.val();
        if (a.scale() != 1f) {
            Val scaled = b.fx(n.input(0) + ".scaled", qv.cols());
            b.add(new LirOp.Affine(qv, scaled, EltwiseArith.toFx(a.scale()), 0));
            qScales.put(scaled.id(), (double) a.scale());
            qv = scaled;
        }
        nonCausal |= !a.causal();
        int keys = b.state(n.name() + ".keys", StateBuf.Kind.KEYS, k.val().cols());
        int values = b.state(n.name() + ".values", StateBuf.Kind.VALUES, v.val().cols());
        Val out = b.fx(n.output(), qv.cols());
        b.add(new LirOp.Attention(qv, k.val(), v.val(), out, q.heads(), k.heads(), q.dim(), a.causal(), options.keyTile(), keys, values));
        valueRanges.put(out.id(), ranges.getOrDefault(Calibration.valuesKey(n), 0.0));
        return new Form.Heads(out, q.heads(), q.dim(), true, 1);
    }

    /** An attention operand: heads in [1, H, T, D] order. */
    private Form.Heads heads(Node n, String operand) {
        Form f = lower(operand);
        if (!(f instanceof Form.Heads h) || !h.headMajor()) {
            throw unsupported(n, "operand " + operand + " is not attention heads in [1, heads, T, dim] order");
        }
        return h;
    }

    private Form mlgru(Node n) {
        Val f = rows(n, n.input(0));
        Val c = rows(n, n.input(1));
        Val gg = rows(n, n.input(2));
        int state = b.state(n.name() + ".h", StateBuf.Kind.RECURRENT, f.cols());
        Val out = b.fx(n.output(), f.cols());
        b.add(new LirOp.Mlgru(f, c, gg, out, state));
        return new Form.Rows(out);
    }

    private Form moe(Node n, Op.Moe m) {
        Val x = rows(n, n.input(0));
        Scheme s = scheme(n);
        Tensor router = view.constant(n.input(1));
        Tensor up = view.constant(n.input(2));
        Tensor upBias = view.constant(n.input(3));
        Tensor down = view.constant(n.input(4));
        Tensor downBias = view.constant(n.input(5));
        if (router == null || up == null || upBias == null || down == null || downBias == null) {
            throw unsupported(n, "its router and expert weights are not constants");
        }
        double inRange = 0;
        double downFallback = 0;
        for (int e = 0; e < m.experts(); e++) {
            inRange = Math.max(inRange, ranges.getOrDefault(Calibration.moeUpKey(n, e), 0.0));
            downFallback = Math.max(downFallback, ranges.getOrDefault(Calibration.moeDownKey(n, e), 0.0));
        }
        double[] ones = ones(m.experts());
        var routerP = Projections.of(s, router, inRange, ones, null);
        List<dev.accelgen.compiler.backend.lir.Projection> ups = new ArrayList<>();
        List<dev.accelgen.compiler.backend.lir.Projection> downs = new ArrayList<>();
        for (int e = 0; e < m.experts(); e++) {
            Tensor ue = FusedKernels.slice(up, e);
            Tensor de = FusedKernels.slice(down, e);
            double ur = ranges.getOrDefault(Calibration.moeUpKey(n, e), 0.0);
            double dr = ranges.getOrDefault(Calibration.moeDownKey(n, e), 0.0);
            ups.add(Projections.of(s, ue, ur > 0 ? ur : inRange, ones(ue.shape().dim(1)), FusedKernels.slice(upBias, e).floats()));
            downs.add(Projections.of(s, de, dr > 0 ? dr : downFallback, ones(de.shape().dim(1)),
                    FusedKernels.slice(downBias, e).floats()));
        }
        Val out = b.fx(n.output(), x.cols());
        b.add(new LirOp.Moe(x, out, routerP, m.topK(), ups, ActFn.GELU, downs));
        return new Form.Rows(out);
    }

    Shape shape(String value) {
        return g.type(value).shape();
    }

    GraphView view() {
        return view;
    }

    int consumerCount(String value) {
        return consumers.getOrDefault(value, List.of()).size();
    }
}
