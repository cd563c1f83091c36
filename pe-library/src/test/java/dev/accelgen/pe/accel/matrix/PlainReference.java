package dev.accelgen.pe.accel.matrix;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.systolic.SystolicConfig;
import java.math.BigInteger;

/**
 * MM instructions executed with plain loops and BigInteger, independent of the engine code: quantize each row,
 * take each output column's dot product with the unit's integer semantics (MixPE's per-group zero-point
 * correction and Q.8 rounding, 48-bit wrap; 32-bit or accBits wrap otherwise), scale, add bias and the old
 * value, write the row. The weights are the unpacked K x N matrices the test packed into WBUF.
 */
final class PlainReference {
    private static final BigInteger MIN32 = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX32 = BigInteger.valueOf(Integer.MAX_VALUE);
    private final MatrixUnitSpec unit;
    private final int lanes;
    private final int abufMask;
    private final int sbufMask;

    PlainReference(HwConfig hw, int unitIndex, int abufWords, int sbufWords) {
        this.unit = hw.matrixUnits().get(unitIndex);
        this.lanes = hw.lanes();
        this.abufMask = abufWords - 1;
        this.sbufMask = sbufWords - 1;
    }

    /** Runs {@code mm} with weights {@code w} on {@code abuf} (updated in place) and {@code sbuf}. */
    void run(Mm mm, QuantWeights w, int[][] abuf, int[] sbuf) {
        int sb = (int) mm.sbuf().value();
        int rows = (int) ((mm.gather() ? sbuf[sb & sbufMask] : mm.rows().value()) & 0xFFFF);
        int nw = (mm.n() + lanes - 1) / lanes;
        int cparam = (int) mm.cparam().value();
        int[][] out = new int[rows][];
        for (int m = 0; m < rows; m++) {
            long row = mm.gather() ? mm.act().value() + (long) (sbuf[(sb + 1 + 2 * m) & sbufMask] & abufMask) * mm.actStride()
                    : mm.act().value() + (long) m * mm.actStride();
            long q = mm.rowScale() ? sbuf[(sb + 2 * m) & sbufMask] & 0xFFFFFFFFL : mm.q();
            long[] codes = new long[mm.k()];
            for (int i = 0; i < mm.k(); i++) {
                int x = abuf[(int) ((row + i / lanes) & abufMask)][i % lanes];
                codes[i] = clamp(round(BigInteger.valueOf(x).multiply(BigInteger.valueOf(q)), mm.qShift()).longValueExact());
            }
            out[m] = new int[nw * lanes];
            for (int col = 0; col < mm.n(); col++) {
                long acc = dot(codes, w, col);
                long mult = mm.rowScale() ? sbuf[(sb + 2 * m + 1) & sbufMask]
                        : abuf[(cparam + col / lanes) & abufMask][col % lanes];
                BigInteger y = sat(round(BigInteger.valueOf(acc).multiply(BigInteger.valueOf(mult)), mm.dShift()));
                if (mm.bias()) {
                    y = sat(y.add(BigInteger.valueOf(abuf[(cparam + nw + col / lanes) & abufMask][col % lanes])));
                }
                out[m][col] = y.intValueExact();
            }
        }
        for (int m = 0; m < rows; m++) {
            long base = mm.out().value() + (long) m * mm.outStride();
            for (int j = 0; j < nw; j++) {
                int[] word = abuf[(int) ((base + j) & abufMask)];
                for (int i = 0; i < lanes; i++) {
                    int col = j * lanes + i;
                    int y = out[m][col];
                    if (mm.accumulate() && col < mm.n()) {
                        y = sat(BigInteger.valueOf(y).add(BigInteger.valueOf(word[i]))).intValueExact();
                    }
                    word[i] = col < mm.n() ? y : 0;
                }
            }
        }
    }

    private long dot(long[] a, QuantWeights w, int col) {
        if (unit instanceof MatrixUnitSpec.MixPe mp) {
            return mixpe(mp.config(), a, (QuantWeights.MixPe) w, col);
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            long wi = w instanceof QuantWeights.Ternary t ? t.trits()[col][i] : ((QuantWeights.Ints) w).values()[col][i];
            sum += a[i] * wi;
        }
        if (unit instanceof MatrixUnitSpec.Systolic s) {
            SystolicConfig c = s.config();
            long wrapped = sum & ((1L << c.accBits()) - 1);
            return c.signed() && wrapped >= 1L << (c.accBits() - 1) ? wrapped - (1L << c.accBits()) : wrapped;
        }
        return (int) sum;
    }

    /** Per group: dot - zp * sum(a), times the Q0.16 scale, rounded to Q.8; the sums wrap at 48 bits. */
    private static long mixpe(MixPeConfig c, long[] a, QuantWeights.MixPe w, int col) {
        BigInteger acc = BigInteger.ZERO;
        for (int g = 0; g * c.group() < a.length; g++) {
            long dot = 0;
            long sum = 0;
            for (int i = g * c.group(); i < Math.min(a.length, (g + 1) * c.group()); i++) {
                dot += w.codes()[col][i] * a[i];
                sum += a[i];
            }
            long corr = dot - (long) w.zps()[col][g] * sum;
            acc = acc.add(round(BigInteger.valueOf(corr).multiply(BigInteger.valueOf(w.scales()[col][g])), 8));
        }
        long bits = acc.and(BigInteger.ONE.shiftLeft(48).subtract(BigInteger.ONE)).longValueExact();
        return bits >= 1L << 47 ? bits - (1L << 48) : bits;
    }

    /** The code ranges of docs/accelerator.md, "MM arithmetic", per unit kind. */
    private long clamp(long v) {
        long lo;
        long hi;
        if (unit instanceof MatrixUnitSpec.MixPe mp) {
            hi = mp.config().aType() == dev.accelgen.pe.mixpe.ActType.INT8 ? 127 : 32767;
            lo = -hi - 1;
        } else if (unit instanceof MatrixUnitSpec.Ternary t) {
            hi = (1L << (t.config().aBits() - 1)) - 1;
            lo = -hi;
        } else if (unit instanceof MatrixUnitSpec.DspChain d) {
            hi = d.config().packing() == dev.accelgen.pe.dsp.Packing.INT4X4 ? 7 : 127;
            lo = -hi - 1;
        } else {
            SystolicConfig c = ((MatrixUnitSpec.Systolic) unit).config();
            hi = c.signed() ? (1L << (c.aBits() - 1)) - 1 : (1L << c.aBits()) - 1;
            lo = c.signed() ? -hi - 1 : 0;
        }
        return Math.max(lo, Math.min(hi, v));
    }

    /** floor((p + 2^(s-1)) / 2^s). */
    private static BigInteger round(BigInteger p, int s) {
        return s == 0 ? p : p.add(BigInteger.ONE.shiftLeft(s - 1)).shiftRight(s);
    }

    private static BigInteger sat(BigInteger v) {
        return v.max(MIN32).min(MAX32);
    }
}
