package dev.accelgen.compiler.backend.exec;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.backend.lir.StateBuf;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.errors.ModelError;
import dev.accelgen.pe.vector.arith.ActArith;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import dev.accelgen.pe.vector.arith.NormArith;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sequence through a {@link LirModel}, run after run, bit-exactly as the accelerator computes it: each run takes
 * the next T rows (positions P..P+T-1), executes the ops in order, each row by row with pe-library's arithmetic,
 * and carries the KV caches and recurrent states to the next run. A prefill of P rows followed by one-row decode
 * steps gives the same rows, bit for bit, as one run over all of them.
 */
public final class LirSession {
    private final LirModel model;
    private final int[][][] states;
    /** Each projection's weights prepared once for the row kernel. */
    private final Map<Projection, ProjectionKernel> kernels = new IdentityHashMap<>();
    private int position;

    public LirSession(LirModel model) {
        this.model = model;
        this.states = new int[model.states().size()][][];
        for (StateBuf s : model.states()) {
            states[s.id()] = new int[s.rows()][s.cols()];
        }
    }

    /** A state buffer's rows as they stand (a copy): the KV cache or recurrent row the accelerator keeps off chip. */
    public int[][] state(int id) {
        int[][] copy = new int[states[id].length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = states[id][r].clone();
        }
        return copy;
    }

    /** P: the position of the next run's first row. */
    public int position() {
        return position;
    }

    /**
     * The outcome of a run: each output as float (graph shape, rows axis T) and as Fx rows, and every value's Fx rows
     * (by value id) for per-layer reports.
     */
    public record Result(Map<String, Tensor> outputs, Map<String, int[][]> fxOutputs, int[][][] values) {
    }

    /** The next T rows: graph-shaped inputs ([1, T, C] floats, [1, T] token ids), T the same for all. */
    public Result run(Map<String, Tensor> inputs) {
        int t = rowsOf(inputs);
        if (model.sequence().incremental() ? position + t > model.sequence().positions()
                : position != 0 || t != model.sequence().positions()) {
            throw new ModelError(model.name(), model.sequence().incremental()
                    ? "positions " + position + ".." + (position + t - 1) + " run past the " + model.sequence().positions() + "-position context"
                    : "this model runs whole sequences of " + model.sequence().positions() + " rows (got " + t + " at position " + position + ")");
        }
        int[][][] env = new int[model.vals().size()][][];
        Map<String, Tensor> outs = new LinkedHashMap<>();
        Map<String, int[][]> fxOuts = new LinkedHashMap<>();
        for (LirOp op : model.ops()) {
            switch (op.tag()) {
                case INPUT -> {
                    LirOp.Input in = (LirOp.Input) op;
                    env[in.out().id()] = Inputs.rows(in, inputs.get(in.name()), t);
                }
                case EMBEDDING -> {
                    LirOp.Embedding e = (LirOp.Embedding) op;
                    env[e.out().id()] = Inputs.embed(e, env[e.ids().id()]);
                }
                case LINEAR -> {
                    LirOp.Linear l = (LirOp.Linear) op;
                    env[l.out().id()] = Rows.parallel(env[l.in().id()], kernel(l.p())::row);
                }
                case BINARY -> {
                    LirOp.Binary b = (LirOp.Binary) op;
                    int[][] a = env[b.a().id()];
                    int[][] c = env[b.b().id()];
                    int[][] out = new int[t][];
                    for (int r = 0; r < t; r++) {
                        out[r] = Elementwise.apply(b.op(), a[r], c[r]);
                    }
                    env[b.out().id()] = out;
                }
                case BINARY_CONST -> {
                    LirOp.BinaryConst b = (LirOp.BinaryConst) op;
                    int[][] a = env[b.a().id()];
                    int[][] out = new int[t][];
                    for (int r = 0; r < t; r++) {
                        out[r] = Elementwise.apply(b.op(), a[r], b.b()[b.byPosition() ? position + r : 0]);
                    }
                    env[b.out().id()] = out;
                }
                case AFFINE -> {
                    LirOp.Affine a = (LirOp.Affine) op;
                    env[a.out().id()] = map(env[a.a().id()], x -> {
                        int[] y = new int[x.length];
                        for (int i = 0; i < x.length; i++) {
                            y[i] = EltwiseArith.affine(x[i], a.mul(), a.add());
                        }
                        return y;
                    });
                }
                case ACTIVATION -> {
                    LirOp.Activation a = (LirOp.Activation) op;
                    env[a.out().id()] = map(env[a.a().id()], x -> {
                        int[] y = new int[x.length];
                        for (int i = 0; i < x.length; i++) {
                            y[i] = ActArith.apply(a.fn(), x[i]);
                        }
                        return y;
                    });
                }
                case NORM -> {
                    LirOp.Norm n = (LirOp.Norm) op;
                    boolean centered = n.kind() == LirOp.NormKind.LAYER;
                    env[n.out().id()] = map(env[n.a().id()], x -> NormArith.row(x, x.length, n.eps(), centered, n.gain(), n.bias()));
                }
                case SOFTMAX -> {
                    LirOp.Softmax s = (LirOp.Softmax) op;
                    env[s.out().id()] = map(env[s.a().id()], x -> SoftmaxArith.row(x, x.length));
                }
                case ROPE -> {
                    LirOp.Rope r = (LirOp.Rope) op;
                    env[r.out().id()] = SequenceKernels.rope(r, env[r.a().id()], position);
                }
                case ATTENTION -> {
                    LirOp.Attention a = (LirOp.Attention) op;
                    env[a.out().id()] = SequenceKernels.attention(a, env[a.q().id()], env[a.k().id()], env[a.v().id()],
                            states[a.keyCache()], states[a.valueCache()], position);
                }
                case MLGRU -> {
                    LirOp.Mlgru m = (LirOp.Mlgru) op;
                    env[m.out().id()] = SequenceKernels.mlgru(env[m.f().id()], env[m.c().id()], env[m.g().id()], states[m.state()][0]);
                }
                case MOE -> {
                    LirOp.Moe m = (LirOp.Moe) op;
                    env[m.out().id()] = MoeKernel.apply(m, env[m.x().id()], this::kernel);
                }
                case SLICE -> {
                    LirOp.Slice s = (LirOp.Slice) op;
                    env[s.out().id()] = map(env[s.a().id()], x -> java.util.Arrays.copyOfRange(x, s.from(), s.from() + s.out().cols()));
                }
                case CONCAT -> {
                    LirOp.Concat c = (LirOp.Concat) op;
                    int[][] out = new int[t][c.out().cols()];
                    int off = 0;
                    for (Val p : c.parts()) {
                        for (int r = 0; r < t; r++) {
                            System.arraycopy(env[p.id()][r], 0, out[r], off, p.cols());
                        }
                        off += p.cols();
                    }
                    env[c.out().id()] = out;
                }
                case OUTPUT -> {
                    LirOp.Output o = (LirOp.Output) op;
                    fxOuts.put(o.name(), env[o.a().id()]);
                    outs.put(o.name(), toFloat(o, env[o.a().id()]));
                }
            }
        }
        position += t;
        return new Result(outs, fxOuts, env);
    }

    private ProjectionKernel kernel(Projection p) {
        return kernels.computeIfAbsent(p, ProjectionKernel::new);
    }

    private int rowsOf(Map<String, Tensor> inputs) {
        int t = -1;
        for (LirOp.Input in : model.inputs()) {
            Tensor x = inputs.get(in.name());
            if (x == null) {
                throw new ModelError(model.name(), "input " + in.name() + " is missing");
            }
            int rows = in.out().kind() == Val.Kind.TOKEN_IDS ? x.shape().dim(-1) : x.shape().dim(-2);
            if (t >= 0 && rows != t) {
                throw new ModelError(model.name(), "inputs disagree on the row count (" + t + " and " + rows + ")");
            }
            t = rows;
        }
        if (t < 1) {
            throw new ModelError(model.name(), "a run needs at least one row");
        }
        return t;
    }

    private static int[][] map(int[][] rows, java.util.function.UnaryOperator<int[]> f) {
        int[][] out = new int[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = f.apply(rows[r]);
        }
        return out;
    }

    private static Tensor toFloat(LirOp.Output o, int[][] rows) {
        int cols = o.a().cols();
        float[] f = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols; c++) {
                f[r * cols + c] = (float) EltwiseArith.fromFx(rows[r][c]);
            }
        }
        int[] dims = o.dims();
        dims[dims.length - 2] = rows.length;
        return Tensor.ofFloats(Shape.of(dims), f);
    }
}
