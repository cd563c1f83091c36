package dev.accelgen.pe.vector;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.arith.ActArith;
import dev.accelgen.pe.vector.arith.AttnArith;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import dev.accelgen.pe.vector.arith.MlgruFxArith;
import dev.accelgen.pe.vector.arith.NormArith;
import dev.accelgen.pe.vector.arith.RopeArith;
import dev.accelgen.pe.vector.arith.RowScaleArith;
import dev.accelgen.pe.vector.arith.ScatterArith;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import dev.accelgen.pe.vector.arith.TopKArith;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * What each vector instruction does to the buffers, computed row by row with the {@code *Arith} functions alone
 * (no engine code): the reference of the model-versus-arithmetic tests. Valid for instructions whose sources and
 * destinations do not overlap (an engine reads and writes in its own order).
 */
final class ArithReference {
    private ArithReference() {
    }

    static void apply(QueuedInstr instr, BufferImage m) {
        if (instr instanceof VecInstr.VAttn v) {
            attn(v, m);
        } else if (instr instanceof VecInstr.VRope v) {
            rope(v, m);
        } else if (instr instanceof VecInstr.VMlgru v) {
            mlgru(v, m);
        } else if (instr instanceof VecInstr.VTopK v) {
            topk(v, m);
        } else if (instr instanceof VecInstr.VScatter v) {
            scatter(v, m);
        } else if (instr instanceof VecInstr.VBinary v) {
            binary(v, m);
        } else if (instr instanceof VecInstr.VAffine v) {
            rows(m, v.rows(), v.len(), v.a(), v.aStride(), v.d(), v.dStride(), x -> map(x, e -> EltwiseArith.affine(e,
                    (int) v.mul(), (int) v.add())));
        } else if (instr instanceof VecInstr.VCopy v) {
            rows(m, v.rows(), v.len(), v.a(), v.aStride(), v.d(), v.dStride(), x -> x);
        } else if (instr instanceof VecInstr.VAct v) {
            rows(m, v.rows(), v.len(), v.a(), v.aStride(), v.d(), v.dStride(), x -> map(x, e -> ActArith.apply(v.fn(), e)));
        } else if (instr instanceof VecInstr.VRmsNorm v) {
            int[] gain = v.hasGain() ? m.row(val(v.gain()), v.len()) : null;
            rows(m, v.rows(), v.len(), v.a(), v.aStride(), v.d(), v.dStride(), x -> NormArith.row(x, v.len(), v.eps(),
                    false, gain, null));
        } else if (instr instanceof VecInstr.VLayerNorm v) {
            int[] gain = v.hasGain() ? m.row(val(v.gain()), v.len()) : null;
            int[] bias = v.hasBias() ? m.row(val(v.bias()), v.len()) : null;
            rows(m, v.rows(), v.len(), v.a(), v.aStride(), v.d(), v.dStride(), x -> NormArith.row(x, v.len(), v.eps(),
                    true, gain, bias));
        } else if (instr instanceof VecInstr.VRowScale v) {
            for (long r = 0; r < rows(v.rows()); r++) {
                long gamma = RowScaleArith.gamma(m.row(val(v.a()) + r * v.aStride(), v.len()), v.len());
                m.setSb(val(v.sbuf()) + 2 * r, RowScaleArith.q(gamma));
                m.setSb(val(v.sbuf()) + 2 * r + 1, RowScaleArith.m(gamma, v.betaMant(), v.betaShift()));
            }
        } else if (instr instanceof VecInstr.VSoftmax v) {
            rows(m, v.rows(), v.len(), v.a(), v.aStride(), v.d(), v.dStride(), x -> SoftmaxArith.row(x, v.len()));
        } else {
            throw new IllegalArgumentException("no reference for " + instr.opcode());
        }
    }

    private static long val(dev.accelgen.pe.accel.isa.Opnd o) {
        return o.value();
    }

    private static long rows(dev.accelgen.pe.accel.isa.Opnd o) {
        return o.value() & 0xFFFFFFFFL;
    }

    static void attn(VecInstr.VAttn v, BufferImage m) {
        int d = v.headDim();
        int keys = (int) rows(v.keys());
        int[][] k = new int[keys][];
        int[][] vv = new int[keys][];
        for (int j = 0; j < keys; j++) {
            k[j] = m.row(val(v.k()) + (long) j * v.kStride(), d);
            vv[j] = m.row(val(v.v()) + (long) j * v.vStride(), d);
        }
        AttnArith.Tile tile = new AttnArith.Tile(k, vv, 0, keys, d);
        for (long t = 0; t < rows(v.rows()); t++) {
            long oAddr = val(v.o()) + t * v.oStride();
            long sb = val(v.sbuf()) + 2 * t;
            int[] o = v.first() ? new int[d] : m.row(oAddr, d);
            AttnArith.State old = new AttnArith.State(m.sb(sb), m.sb(sb + 1));
            AttnArith.State s = AttnArith.tile(m.row(val(v.q()) + t * v.qStride(), d), tile, v.causal(), t,
                    (int) val(v.diag()), v.first(), old, o, v.last());
            m.setRow(oAddr, o);
            m.setSb(sb, s.m());
            m.setSb(sb + 1, s.l());
        }
    }

    /** Head k of a row starts at word k * ceil(headDim / V); the table row holds one head's worth (cos, sin). */
    static void rope(VecInstr.VRope v, BufferImage m) {
        int d = v.headDim();
        int words = (d + m.lanes - 1) / m.lanes;
        for (long r = 0; r < rows(v.rows()); r++) {
            int[] table = m.row(val(v.t()) + r * v.tStride(), d);
            for (int k = 0; k < v.len() / d; k++) {
                int[] head = m.row(val(v.a()) + r * v.aStride() + (long) k * words, d);
                m.setRow(val(v.d()) + r * v.dStride() + (long) k * words, RopeArith.head(head, table, d));
            }
        }
    }

    /** Row t holds f, c, g at a + t * aStride + {0, W, 2W} words; the state row h is updated token by token. */
    static void mlgru(VecInstr.VMlgru v, BufferImage m) {
        int len = v.len();
        int words = (len + m.lanes - 1) / m.lanes;
        long rows = rows(v.rows());
        if (rows == 0) {
            return;
        }
        int[] h = m.row(val(v.h()), len);
        for (long t = 0; t < rows; t++) {
            long a = val(v.a()) + t * v.aStride();
            int[] f = m.row(a, len);
            int[] c = m.row(a + words, len);
            int[] g = m.row(a + 2L * words, len);
            int[] d = new int[len];
            for (int i = 0; i < len; i++) {
                MlgruFxArith.Step s = MlgruFxArith.step(f[i], c[i], g[i], h[i]);
                h[i] = s.h();
                d[i] = s.o();
            }
            m.setRow(val(v.d()) + t * v.dStride(), d);
        }
        m.setRow(val(v.h()), h);
    }

    /** Token t's logits at a + t * aStride; every expert's list at sbuf + e * (1 + 2 * capacity). */
    static void topk(VecInstr.VTopK v, BufferImage m) {
        TopKArith.Lists lists = new TopKArith.Lists(v.experts(), v.capacity());
        for (long t = 0; t < rows(v.rows()); t++) {
            lists.route((int) t, m.row(val(v.a()) + t * v.aStride(), v.experts()), v.k());
        }
        for (int e = 0; e < v.experts(); e++) {
            long base = TopKArith.listBase(val(v.sbuf()), e, v.capacity());
            m.setSb(base, lists.count(e));
            for (int i = 0; i < lists.count(e); i++) {
                m.setSb(base + 1 + 2L * i, lists.entry(e, i)[0]);
                m.setSb(base + 2 + 2L * i, lists.entry(e, i)[1]);
            }
        }
    }

    /** The list at sbuf: its count (low 16 bits), then (token, gate); entry i's row at a + i * aStride. */
    static void scatter(VecInstr.VScatter v, BufferImage m) {
        int count = m.sb(val(v.sbuf())) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int token = m.sb(val(v.sbuf()) + 1 + 2L * i);
            int gate = m.sb(val(v.sbuf()) + 2 + 2L * i);
            int[] a = m.row(val(v.a()) + (long) i * v.aStride(), v.len());
            long dAddr = val(v.d()) + (long) token * v.dStride();
            int[] d = m.row(dAddr, v.len());
            for (int e = 0; e < d.length; e++) {
                d[e] = ScatterArith.combine(d[e], gate, a[e]);
            }
            m.setRow(dAddr, d);
        }
    }

    /** A row-wise instruction: row r of {@code len} elements at a + r * aStride, its result at d + r * dStride. */
    static void rows(BufferImage m, dev.accelgen.pe.accel.isa.Opnd rows, int len, dev.accelgen.pe.accel.isa.Opnd a,
                     int aStride, dev.accelgen.pe.accel.isa.Opnd d, int dStride, UnaryOperator<int[]> f) {
        for (long r = 0; r < rows(rows); r++) {
            m.setRow(val(d) + r * dStride, f.apply(m.row(val(a) + r * aStride, len)));
        }
    }

    private static int[] map(int[] x, IntUnaryOperator f) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsInt(x[i]);
        }
        return y;
    }

    /** b row r at b + r * bStride, or with bStride 0 one row broadcast. */
    static void binary(VecInstr.VBinary v, BufferImage m) {
        IntBinaryOperator op = switch (v.op()) {
            case ADD -> EltwiseArith::add;
            case SUB -> EltwiseArith::sub;
            case MUL -> EltwiseArith::mul;
        };
        for (long r = 0; r < rows(v.rows()); r++) {
            int[] a = m.row(val(v.a()) + r * v.aStride(), v.len());
            int[] b = m.row(val(v.b()) + r * v.bStride(), v.len());
            int[] d = new int[v.len()];
            for (int i = 0; i < d.length; i++) {
                d[i] = op.applyAsInt(a[i], b[i]);
            }
            m.setRow(val(v.d()) + r * v.dStride(), d);
        }
    }
}
