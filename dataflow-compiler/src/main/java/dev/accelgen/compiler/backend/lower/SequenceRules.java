package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.StateBuf;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.pe.vector.arith.EltwiseArith;

/** RoPE (the rotate-half subgraph and ONNX RotaryEmbedding), attention with its KV caches, and the MLGRU. */
final class SequenceRules {
    private final GraphLowerer l;

    SequenceRules(GraphLowerer l) {
        this.l = l;
    }

    /** The rotary op on x's heads (a head form, or rows of one head). */
    Form rotary(Node n, Form x, RopeTables.Recovered t) {
        if (!(x instanceof Form.Heads h) || h.repeat() != 1) {
            throw l.unsupported(n, "the rotary embedding's input is not the heads of a projection");
        }
        if (h.dim() != 2 * t.table().half()) {
            throw l.unsupported(n, "its table rotates " + 2 * t.table().half() + " of the head's " + h.dim() + " features");
        }
        l.b.note(t.note());
        l.limit(t.table().positions());
        Val out = l.b.fx(n.output(), h.val().cols());
        l.b.add(new LirOp.Rope(h.val(), out, h.heads(), h.dim(), t.table()));
        return new Form.Heads(out, h.heads(), h.dim(), h.headMajor(), 1);
    }

    /** ONNX RotaryEmbedding: the rotate-half form over whole heads, with constant tables indexed by position. */
    Form onnxRope(Node n, Op.Rope r) {
        if (r.interleaved()) {
            throw l.unsupported(n, "VROPE rotates halves, not interleaved pairs");
        }
        Form x = l.lower(n.input(0));
        int rank = l.g.type(n.input(0)).shape().rank();
        if (rank == 3 && x instanceof Form.Rows rows) {
            int heads = r.numHeads();
            if (heads < 1 || rows.val().cols() % heads != 0) {
                throw l.unsupported(n, "num_heads " + heads + " does not divide its " + rows.val().cols() + " features");
            }
            x = new Form.Heads(rows.val(), heads, rows.val().cols() / heads, false, 1);
        }
        int d = x instanceof Form.Heads h ? h.dim() : 0;
        if (r.rotaryDim() != 0 && r.rotaryDim() != d) {
            throw l.unsupported(n, "it rotates " + r.rotaryDim() + " of " + d + " features (partial rotation)");
        }
        Tensor cos = l.view.constant(n.input(1));
        Tensor sin = l.view.constant(n.input(2));
        if (cos == null || sin == null) {
            throw l.unsupported(n, "its cos/sin tables are not constants");
        }
        if (n.hasInput(3)) {
            Tensor pos = l.view.constant(n.input(3));
            if (pos == null || pos.size() != l.tokens) {
                throw l.unsupported(n, "its position ids are not constant");
            }
            for (int i = 0; i < l.tokens; i++) {
                if ((long) pos.get(i) != i) {
                    throw l.unsupported(n, "its position ids are not 0..T-1 (the accelerator counts positions itself)");
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

    Form attention(Node n, Op.Attention a) {
        if (n.hasInput(3)) {
            throw l.unsupported(n, "it has an explicit mask (the accelerator masks causally or not at all)");
        }
        Form.Heads q = heads(n, n.input(0));
        Form.Heads k = heads(n, n.input(1));
        Form.Heads v = heads(n, n.input(2));
        boolean grouped = k.repeat() == 1 ? q.heads() % k.heads() == 0 : k.logicalHeads() == q.heads();
        if (q.repeat() != 1 || !grouped || k.heads() != v.heads() || k.repeat() != v.repeat() || k.dim() != q.dim() || v.dim() != q.dim()) {
            throw l.unsupported(n, "its query, key and value heads do not line up (" + q.heads() + "x" + q.dim() + ", " + k.heads() + "x"
                    + k.dim() + " repeated " + k.repeat() + ", " + v.heads() + "x" + v.dim() + ")");
        }
        Val qv = q.val();
        if (a.scale() != 1f) {
            Val scaled = l.b.fx(n.input(0) + ".scaled", qv.cols());
            l.b.add(new LirOp.Affine(qv, scaled, EltwiseArith.toFx(a.scale()), 0));
            l.qScales.put(scaled.id(), (double) a.scale());
            qv = scaled;
        }
        l.nonCausal |= !a.causal();
        int keys = l.b.state(n.name() + ".keys", StateBuf.Kind.KEYS, k.val().cols());
        int values = l.b.state(n.name() + ".values", StateBuf.Kind.VALUES, v.val().cols());
        Val out = l.b.fx(n.output(), qv.cols());
        l.b.add(new LirOp.Attention(qv, k.val(), v.val(), out, q.heads(), k.heads(), q.dim(), a.causal(), l.options.keyTile(), keys, values,
                a.window()));
        if (a.window() > 0) {
            l.b.note("attention " + n.name() + " sees the last " + a.window() + " keys of each row (sliding window)");
        }
        l.valueRanges.put(out.id(), l.ranges.getOrDefault(Calibration.valuesKey(n), 0.0));
        return new Form.Heads(out, q.heads(), q.dim(), true, 1);
    }

    /** An attention operand: heads in [1, H, T, D] order. */
    Form.Heads heads(Node n, String operand) {
        Form f = l.lower(operand);
        if (!(f instanceof Form.Heads h) || !h.headMajor()) {
            throw l.unsupported(n, "operand " + operand + " is not attention heads in [1, heads, T, dim] order");
        }
        return h;
    }

    /**
     * The g row of an MLGRU without output gate: Fx 32767, whose sigmoid in VMLGRU is exactly 1
     * ({@code MlgruFxArith}), so the output is h itself.
     */
    static final int NO_GATE = 32767 << 16;

    /** An MLGRU without output gate runs as VMLGRU with g = {@link #NO_GATE}, one VAFFINE (f x 0 + NO_GATE). */
    Form mlgru(Node n) {
        Val f = l.rows(n, n.input(0));
        Val c = l.rows(n, n.input(1));
        Val gg;
        if (((Op.Mlgru) n.op()).outputGate()) {
            gg = l.rows(n, n.input(2));
        } else {
            gg = l.b.fx(n.name() + ".ungated", f.cols());
            l.b.add(new LirOp.Affine(f, gg, 0, NO_GATE));
        }
        int state = l.b.state(n.name() + ".h", StateBuf.Kind.RECURRENT, f.cols());
        Val out = l.b.fx(n.output(), f.cols());
        l.b.add(new LirOp.Mlgru(f, c, gg, out, state));
        return new Form.Rows(out);
    }

}
