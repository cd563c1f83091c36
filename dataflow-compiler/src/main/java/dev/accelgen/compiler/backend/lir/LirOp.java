package dev.accelgen.compiler.backend.lir;

import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.accel.isa.VecInstr.BinOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The operations of the layer IR, each with exact fixed-point semantics on Fx rows (signed 32-bit, 16 fraction
 * bits; {@code roundShift} rounds half toward +infinity, {@code sat32} clamps). Every op but {@link Attention} and
 * {@link Mlgru} is row-local: row t of its outputs depends on row t of its inputs only. The arithmetic named here
 * is pe-library's ({@code dev.accelgen.pe.vector.arith}, {@code MatArith}, the units' {@code *Arith}); the
 * interpreter ({@code backend.exec}) calls exactly that code, and the accelerator's engines implement it.
 * Switch over {@link #tag()} for exhaustive dispatch.
 */
public sealed interface LirOp {
    /** One constant per record. */
    enum Tag { INPUT, EMBEDDING, LINEAR, BINARY, BINARY_CONST, AFFINE, ACTIVATION, NORM, SOFTMAX, ROPE, ATTENTION, MLGRU, MOE, SLICE, CONCAT, OUTPUT }

    Tag tag();

    /** The values this op reads. */
    List<Val> inputs();

    /** The values this op defines. */
    List<Val> outputs();

    /** The same op over other values ({@code f} maps every value it reads or defines). */
    LirOp withVals(UnaryOperator<Val> f);

    /**
     * A model input. Fx: the float input's rows (its last axis is {@code out.cols}, the axis before it the rows)
     * rounded half up to Fx, saturating ({@code EltwiseArith.toFx}). Token ids: the integer input's T ids.
     */
    record Input(String name, Val out) implements LirOp {
        public LirOp withVals(UnaryOperator<Val> f) {
            return new Input(name, f.apply(out));
        }

        public Tag tag() {
            return Tag.INPUT;
        }

        public List<Val> inputs() {
            return List.of();
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** Row t = {@code table[ids[t]]} (Fx, [vocab][cols]): an indirect load of the embedding rows. */
    record Embedding(Val ids, Val out, int[][] table) implements LirOp {
        public Embedding {
            if (ids.kind() != Val.Kind.TOKEN_IDS || table.length < 1 || table[0].length != out.cols()) {
                throw new IllegalArgumentException("embedding " + out.name() + " needs token ids and a [vocab][" + out.cols() + "] table");
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Embedding(f.apply(ids), f.apply(out), table);
        }

        public Tag tag() {
            return Tag.EMBEDDING;
        }

        public List<Val> inputs() {
            return List.of(ids);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /**
     * {@code out = in W (+ bias)} by one {@link Projection} (one MM instruction). Several graph MatMuls that read
     * the same input may be fused into one projection ({@code parts} has more than one entry: their columns side by
     * side, e.g. q, k and v); later ops read each part through a {@link Slice}.
     */
    record Linear(Val in, Val out, Projection p, List<Part> parts) implements LirOp {
        public Linear {
            parts = List.copyOf(parts);
            if (in.cols() != p.k() || out.cols() != p.n()) {
                throw new IllegalArgumentException("linear " + out.name() + " maps " + p.k() + " to " + p.n() + " columns, not "
                        + in.cols() + " to " + out.cols());
            }
            int sum = 0;
            for (Part part : parts) {
                if (part.from() != sum) {
                    throw new IllegalArgumentException("parts of " + out.name() + " must tile its columns in order");
                }
                sum += part.cols();
            }
            if (sum != p.n()) {
                throw new IllegalArgumentException("parts of " + out.name() + " cover " + sum + " of " + p.n() + " columns");
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Linear(f.apply(in), f.apply(out), p, parts);
        }

        public Tag tag() {
            return Tag.LINEAR;
        }

        public List<Val> inputs() {
            return List.of(in);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /**
     * Columns [from, from + cols) of a linear: columns [valueFrom, valueFrom + cols) of one graph weight product's
     * value, times {@code factor}.
     *
     * @param node      the graph MatMul
     * @param value     the graph value (the MatMul's output, or its bias Add's when the bias was folded in)
     * @param valueFrom the first of the value's columns these are
     * @param factor    the constant these columns were multiplied by (an attention scale folded in), else 1
     */
    record Part(String node, String value, int from, int cols, int valueFrom, double factor) {
    }

    /** {@code out = a op b} element-wise ({@code EltwiseArith} add, sub, mul), b a tensor of the same rows. */
    record Binary(BinOp op, Val a, Val b, Val out) implements LirOp {
        public Binary {
            if (a.cols() != out.cols() || b.cols() != out.cols()) {
                throw new IllegalArgumentException("binary " + out.name() + " needs equal column counts");
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Binary(op, f.apply(a), f.apply(b), f.apply(out));
        }

        public Tag tag() {
            return Tag.BINARY;
        }

        public List<Val> inputs() {
            return List.of(a, b);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /**
     * {@code out = a op b} element-wise with a constant Fx operand: one row broadcast to every row
     * ({@code byPosition} false, {@code b.length == 1}), or row {@code p} for the row at position p (a learned
     * position table; its rows limit the context).
     */
    record BinaryConst(BinOp op, Val a, int[][] b, boolean byPosition, Val out) implements LirOp {
        public BinaryConst {
            if (a.cols() != out.cols() || b.length < 1 || b[0].length != out.cols() || !byPosition && b.length != 1) {
                throw new IllegalArgumentException("constant operand of " + out.name() + " must be one row (or a row per position) of "
                        + out.cols());
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new BinaryConst(op, f.apply(a), b, byPosition, f.apply(out));
        }

        public Tag tag() {
            return Tag.BINARY_CONST;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** {@code out = sat32(roundShift(a * mul, 16) + add)} with Fx constants ({@code EltwiseArith.affine}). */
    record Affine(Val a, Val out, int mul, int add) implements LirOp {
        public LirOp withVals(UnaryOperator<Val> f) {
            return new Affine(f.apply(a), f.apply(out), mul, add);
        }

        public Tag tag() {
            return Tag.AFFINE;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** {@code out = fn(a)} element-wise through VACT's tables ({@code ActArith.apply}). */
    record Activation(ActFn fn, Val a, Val out) implements LirOp {
        public LirOp withVals(UnaryOperator<Val> f) {
            return new Activation(fn, f.apply(a), f.apply(out));
        }

        public Tag tag() {
            return Tag.ACTIVATION;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** Which normalization. */
    enum NormKind { RMS, LAYER }

    /**
     * Per row, RMSNorm or LayerNorm over the row's columns ({@code NormArith.row}), then {@code gain} (Fx, null:
     * none) and {@code bias} (LayerNorm only, null: none); {@code eps} in units of 2^-32.
     */
    record Norm(NormKind kind, Val a, Val out, int[] gain, int[] bias, long eps) implements LirOp {
        public Norm {
            if (gain != null && gain.length != a.cols() || bias != null && (bias.length != a.cols() || kind != NormKind.LAYER)
                    || eps < 0 || eps > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("norm " + out.name() + ": gain/bias must have " + a.cols()
                        + " entries (bias for LayerNorm only), eps 0..2^32-1");
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Norm(kind, f.apply(a), f.apply(out), gain, bias, eps);
        }

        public Tag tag() {
            return Tag.NORM;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** Per row, softmax over the columns ({@code SoftmaxArith.row}). */
    record Softmax(Val a, Val out) implements LirOp {
        public LirOp withVals(UnaryOperator<Val> f) {
            return new Softmax(f.apply(a), f.apply(out));
        }

        public Tag tag() {
            return Tag.SOFTMAX;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /**
     * Rotary embedding, rotate-half form, per head of {@code headDim} columns (VROPE): with h = headDim/2 and
     * (cos, sin) = table row of the row's position, {@code out[i] = a[i] cos[i] - a[i+h] sin[i]},
     * {@code out[i+h] = a[i+h] cos[i] + a[i] sin[i]} (the attention engineer's Fx arithmetic).
     */
    record Rope(Val a, Val out, int heads, int headDim, RopeTable table) implements LirOp {
        public Rope {
            if (heads * headDim != a.cols() || headDim % 2 != 0 || table.half() * 2 != headDim) {
                throw new IllegalArgumentException("rope " + out.name() + ": " + heads + " heads of " + headDim + " must fill "
                        + a.cols() + " columns and match the table");
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Rope(f.apply(a), f.apply(out), heads, headDim, table);
        }

        public Tag tag() {
            return Tag.ROPE;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /**
     * Multi-head attention with grouped KV reads. q has {@code heads} heads, k and v {@code kvHeads} (query head h
     * reads KV head {@code h / (heads / kvHeads)}; nothing is repeated in memory), all of {@code headDim} columns; any
     * score scale is already folded into q. A run at positions P..P+T-1 first writes the T rows of k and v to rows
     * P..P+T-1 of the {@code keyCache} and {@code valueCache} states, then query row t (position p = P+t) attends over
     * cache rows [0, P+T), or [0, p] when {@code causal}, or [p-window+1, p] (from 0) with a sliding {@code window}
     * (causal only; 0: none), in key tiles [j*keyTile, (j+1)*keyTile) in order, with the online softmax of VATTN
     * carried across tiles (tiles lie at absolute positions, so splitting a sequence into runs does not change any
     * row). A key outside a row's range is masked in its tile ({@code AttnArith}: no weight, no effect on the running
     * max), so a tile holding none of a row's keys leaves the row unchanged and may be skipped. Output:
     * {@code heads * headDim} columns.
     */
    record Attention(Val q, Val k, Val v, Val out, int heads, int kvHeads, int headDim, boolean causal, int keyTile,
                     int keyCache, int valueCache, int window) implements LirOp {
        public Attention {
            if (heads < 1 || kvHeads < 1 || heads % kvHeads != 0 || q.cols() != heads * headDim || out.cols() != q.cols()
                    || k.cols() != kvHeads * headDim || v.cols() != k.cols() || keyTile < 1) {
                throw new IllegalArgumentException("attention " + out.name() + ": " + heads + " query heads over " + kvHeads
                        + " KV heads of " + headDim + " do not match its values, or keyTile < 1");
            }
            if (window < 0 || window > 0 && !causal) {
                throw new IllegalArgumentException("attention " + out.name() + ": a window must be >= 1 and causal (got " + window + ")");
            }
        }

        /** Without a sliding window. */
        public Attention(Val q, Val k, Val v, Val out, int heads, int kvHeads, int headDim, boolean causal, int keyTile,
                         int keyCache, int valueCache) {
            this(q, k, v, out, heads, kvHeads, headDim, causal, keyTile, keyCache, valueCache, 0);
        }

        /** The same attention over other values (q, v and the output; k and the caches stay). */
        public Attention with(Val newQ, Val newV, Val newOut) {
            return new Attention(newQ, k, newV, newOut, heads, kvHeads, headDim, causal, keyTile, keyCache, valueCache, window);
        }

        /** The first key position row p attends to. */
        public int firstKey(int p) {
            return window > 0 ? Math.max(0, p - window + 1) : 0;
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Attention(f.apply(q), f.apply(k), f.apply(v), f.apply(out), heads, kvHeads, headDim, causal, keyTile, keyCache,
                    valueCache, window);
        }

        public Tag tag() {
            return Tag.ATTENTION;
        }

        public List<Val> inputs() {
            return List.of(q, k, v);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /**
     * The MatMul-free LM token mixer over the rows in order (VMLGRU): from pre-activations f, c, g,
     * {@code h = sigmoid(f) h + (1 - sigmoid(f)) silu(c)}, {@code out = sigmoid(g) h}; h is the recurrent
     * {@code state} (one row), carried across runs.
     */
    record Mlgru(Val f, Val c, Val g, Val out, int state) implements LirOp {
        public Mlgru {
            if (c.cols() != f.cols() || g.cols() != f.cols() || out.cols() != f.cols()) {
                throw new IllegalArgumentException("MLGRU " + out.name() + " needs f, c, g and output of one width");
            }
        }

        public LirOp withVals(UnaryOperator<Val> m) {
            return new Mlgru(m.apply(f), m.apply(c), m.apply(g), m.apply(out), state);
        }

        public Tag tag() {
            return Tag.MLGRU;
        }

        public List<Val> inputs() {
            return List.of(f, c, g);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** How a {@link Moe} turns the router logits of a row into the gates of its top-k experts. */
    enum Gating {
        /**
         * VTOPK: picks the k largest logits (ties to the lower expert, {@code TopKArith.pick}); gates =
         * {@code SoftmaxArith.row} over the picked logits in pick order ({@code TopKArith.gates}).
         */
        SOFTMAX_OF_PICKED,
        /**
         * V-MoE / M3ViT: {@code p = SoftmaxArith.row} over all E logits (VSOFTMAX), then the k largest p are picked
         * ({@code TopKArith.pick} on p) and are the gates themselves. VTOPK computes a softmax of what it picks, so this
         * needs a VTOPK whose gates are the picked values (a proposed flag) after a VSOFTMAX of the router row.
         */
        PICKED_OF_SOFTMAX
    }

    /**
     * Mixture of experts, per row: router logits {@code x R} ({@code router}, E columns); the top {@code topK} experts
     * and their gates per {@link #gating}; each expert e runs on the rows routed to it, {@code y = down_e(act(up_e(x)))}
     * (projections with their biases); the output row starts at zero and, expert by expert in index order, adds
     * {@code roundShift(gate * y, 16)} saturating (VSCATTER).
     */
    record Moe(Val x, Val out, Projection router, int topK, List<Projection> up, ActFn act, List<Projection> down, Gating gating)
            implements LirOp {
        public Moe {
            up = List.copyOf(up);
            down = List.copyOf(down);
            int e = router.n();
            if (up.size() != e || down.size() != e || topK < 1 || topK > e || router.k() != x.cols() || out.cols() != x.cols()) {
                throw new IllegalArgumentException("MoE " + out.name() + ": " + e + " router columns, " + up.size() + " up and "
                        + down.size() + " down projections, top-" + topK);
            }
            for (int i = 0; i < e; i++) {
                if (up.get(i).k() != x.cols() || down.get(i).k() != up.get(i).n() || down.get(i).n() != x.cols()) {
                    throw new IllegalArgumentException("MoE " + out.name() + ": expert " + i + " does not map " + x.cols() + " back to "
                            + x.cols() + " columns");
                }
            }
        }

        /** Gates as VTOPK computes them (softmax of the picked logits). */
        public Moe(Val x, Val out, Projection router, int topK, List<Projection> up, ActFn act, List<Projection> down) {
            this(x, out, router, topK, up, act, down, Gating.SOFTMAX_OF_PICKED);
        }

        public int experts() {
            return router.n();
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Moe(f.apply(x), f.apply(out), router, topK, up, act, down, gating);
        }

        public Tag tag() {
            return Tag.MOE;
        }

        public List<Val> inputs() {
            return List.of(x);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** Columns [from, from + out.cols) of a: a view (no data moves). */
    record Slice(Val a, int from, Val out) implements LirOp {
        public Slice {
            if (from < 0 || from + out.cols() > a.cols()) {
                throw new IllegalArgumentException("slice " + out.name() + " of columns " + from + ".." + (from + out.cols())
                        + " is outside " + a.name() + "'s " + a.cols());
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Slice(f.apply(a), from, f.apply(out));
        }

        public Tag tag() {
            return Tag.SLICE;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /** The parts' columns side by side (a layout: placed adjacently, or copied with VCOPY). */
    record Concat(List<Val> parts, Val out) implements LirOp {
        public Concat {
            parts = List.copyOf(parts);
            if (parts.stream().mapToInt(Val::cols).sum() != out.cols()) {
                throw new IllegalArgumentException("concat " + out.name() + " parts do not add up to " + out.cols() + " columns");
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Concat(parts.stream().map(f).toList(), f.apply(out));
        }

        public Tag tag() {
            return Tag.CONCAT;
        }

        public List<Val> inputs() {
            return new ArrayList<>(parts);
        }

        public List<Val> outputs() {
            return List.of(out);
        }
    }

    /**
     * A model output: a's rows dequantized to float ({@code raw / 65536}), shaped as the graph output {@code dims}
     * with the rows axis (the one before the last) set to the run's T.
     */
    record Output(String name, Val a, int[] dims) implements LirOp {
        public Output {
            dims = dims.clone();
            if (dims.length < 2 || dims[dims.length - 1] != a.cols()) {
                throw new IllegalArgumentException("output " + name + " must be [.., rows, " + a.cols() + "]");
            }
        }

        public LirOp withVals(UnaryOperator<Val> f) {
            return new Output(name, f.apply(a), dims);
        }

        public Tag tag() {
            return Tag.OUTPUT;
        }

        public List<Val> inputs() {
            return List.of(a);
        }

        public List<Val> outputs() {
            return List.of();
        }
    }
}
