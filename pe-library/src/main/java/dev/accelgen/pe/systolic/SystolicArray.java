package dev.accelgen.pe.systolic;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The array top. One input stream beat carries column k of A (one activation per row), row k of B (one
 * weight per column) and the {@code first}/{@code last} flags of the reduction; internal skew registers
 * delay row r by r cycles and column c by c cycles. Results leave through column outputs: C[r][c] appears
 * on {@code out_c} exactly {@code 2r + c + 1} cycles after the tile's last beat was accepted.
 *
 * <p>A {@code last} beat is accepted only {@link SystolicConfig#lastBeatSpacing()} cycles after the
 * previous one, so the drained results of two tiles never meet in a column; other beats flow freely.
 */
public final class SystolicArray implements ModuleGen<SystolicConfig> {
    private final SystolicPe peGen;

    public SystolicArray() {
        this(new SystolicPe());
    }

    SystolicArray(SystolicPe pe) {
        this.peGen = pe;
    }

    @Override
    public String moduleName(SystolicConfig c) {
        return "systolic_" + (c.signed() ? "s" : "u") + c.aBits() + "x" + c.wBits() + "_acc" + c.accBits()
                + "_r" + c.rows() + "_c" + c.cols();
    }

    @Override
    public void build(ModuleBuilder b, SystolicConfig c) {
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        Bool inFirst = b.input("in_first", Bool.type());
        Bool inLast = b.input("in_last", Bool.type());
        Vec<Bits> a = b.inputVec("a", Bits.type(c.aBits()), c.rows());
        Vec<Bits> w = b.inputVec("b", Bits.type(c.wBits()), c.cols());

        Bool fire = b.named("fire", inValid.and(inReady));
        if (c.rows() > 1) {
            int hold = c.lastBeatSpacing() - 1;
            int bits = 32 - Integer.numberOfLeadingZeros(hold);
            UInt gap = b.reg("last_gap", UInt.type(bits), 0);
            b.when(fire.and(inLast), () -> gap.set(UInt.lit(hold, bits)))
                    .elseWhen(gap.ne(0), () -> gap.set(gap.subWrap(1)));
            inReady.set(inLast.not().or(gap.eq(0)));
        } else {
            inReady.set(Bool.TRUE);
        }

        Instance[][] pe = new Instance[c.rows()][c.cols()];
        for (int r = 0; r < c.rows(); r++) {
            for (int col = 0; col < c.cols(); col++) {
                pe[r][col] = b.instance(peGen, c.pe(), "pe_" + r + "_" + col);
            }
        }
        for (int r = 0; r < c.rows(); r++) {
            Bits ar = skew(b, "a_skew_" + r, a.get(r), r);
            Bool vr = skew(b, "valid_skew_" + r, fire, r);
            Bool fr = skew(b, "first_skew_" + r, inFirst, r);
            Bool lr = skew(b, "last_skew_" + r, inLast, r);
            for (int col = 0; col < c.cols(); col++) {
                Instance p = pe[r][col];
                boolean edge = col == 0;
                p.<Bits>port("a_in").set(edge ? ar : pe[r][col - 1].port("a_out"));
                p.<Bool>port("valid_in").set(edge ? vr : pe[r][col - 1].port("valid_out"));
                p.<Bool>port("first_in").set(edge ? fr : pe[r][col - 1].port("first_out"));
                p.<Bool>port("last_in").set(edge ? lr : pe[r][col - 1].port("last_out"));
                boolean bottom = r == c.rows() - 1;
                p.<Bits>port("drain_in").set(bottom ? Bits.lit(0, c.accBits()) : pe[r + 1][col].port("drain_out"));
                p.<Bool>port("drain_valid_in").set(bottom ? Bool.FALSE : pe[r + 1][col].port("drain_valid_out"));
            }
        }
        List<Val> streamData = new ArrayList<>(List.of(inFirst, inLast));
        a.forEach(streamData::add);
        w.forEach(streamData::add);
        for (int col = 0; col < c.cols(); col++) {
            pe[0][col].<Bits>port("b_in").set(skew(b, "b_skew_" + col, w.get(col), col));
            for (int r = 1; r < c.rows(); r++) {
                pe[r][col].<Bits>port("b_in").set(pe[r - 1][col].port("b_out"));
            }
        }
        b.stream("in", true, inValid, inReady, streamData.toArray(new Val[0]));
        for (int col = 0; col < c.cols(); col++) {
            Bool valid = b.output("out_valid_" + col, Bool.type());
            Bits out = b.output("out_" + col, Bits.type(c.accBits()));
            valid.set(pe[0][col].port("drain_valid_out"));
            out.set(pe[0][col].port("drain_out"));
            b.stream("out_" + col, false, valid, null, out);
        }
    }

    /** {@code depth} pipeline registers; data registers need no reset, valid flags reset to 0. */
    private static <T extends Val> T skew(ModuleBuilder b, String name, T in, int depth) {
        T cur = in;
        for (int k = 0; k < depth; k++) {
            T q = in instanceof Bool
                    ? b.reg(name + "_" + k, typeOf(in), 0)
                    : b.regNoReset(name + "_" + k, typeOf(in));
            q.set(cur);
            cur = q;
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Val> dev.accelgen.hdl.Type<T> typeOf(T v) {
        return (dev.accelgen.hdl.Type<T>) (v instanceof Bool ? Bool.type() : Bits.type(v.width()));
    }
}
