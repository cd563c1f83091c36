package dev.accelgen.pe.mlgru;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.rtl.SignedUnsignedMul;
import java.util.ArrayList;
import java.util.List;

/**
 * The MLGRU element-wise datapath ({@link MlgruArith} in hardware), {@code lanes} elements per beat.
 * Stream {@code in} (always ready): {@code in_clear} (treat the previous state of this beat's
 * elements as 0), pre-activations {@code f_i, c_i, g_i} (Q3.12). A wrapping position counter
 * assigns beat k to elements [(k mod P)*lanes, ...), P = hidden/lanes; the hidden state lives in
 * registers (reset to 0). Stages: gates (sigmoid by shifts, SiLU with one multiplier) -> state
 * update (one multiplier, read-modify-write of the state in the same stage, so back-to-back beats
 * of the same position are safe) -> output gate (one multiplier). Stream {@code out}: {@code h_i},
 * {@code o_i}, three cycles after acceptance.
 */
public final class MlgruUnit implements ModuleGen<MlgruConfig> {
    private static final int W = MlgruArith.BITS;
    private static final int F = MlgruArith.FRAC;

    @Override
    public String moduleName(MlgruConfig c) {
        return c.moduleName();
    }

    @Override
    public void build(ModuleBuilder b, MlgruConfig c) {
        int lanes = c.lanes();
        int positions = c.positions();
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        inReady.set(Bool.TRUE);
        Bool inClear = b.input("in_clear", Bool.type());
        Vec<Bits> fIn = b.inputVec("f", Bits.type(W), lanes);
        Vec<Bits> cIn = b.inputVec("c", Bits.type(W), lanes);
        Vec<Bits> gIn = b.inputVec("g", Bits.type(W), lanes);
        List<Val> streamData = new ArrayList<>(List.of(inClear));
        fIn.forEach(streamData::add);
        cIn.forEach(streamData::add);
        gIn.forEach(streamData::add);

        // position of the accepted beat (absent when the whole state fits one beat)
        int posBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(positions - 1));
        UInt pos = positions > 1 ? b.reg("pos", UInt.type(posBits), 0) : null;
        if (positions > 1) {
            b.when(inValid, () -> pos.set(pos.eq(positions - 1).select(UInt.lit(0, posBits), pos.addWrap(1))));
        }

        // stage 1: gates
        List<UInt> f1 = new ArrayList<>();
        List<UInt> g1 = new ArrayList<>();
        List<SInt> c1 = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            f1.add(pipe(b, "f_q_" + i, sigmoid(b, "sig_f_" + i, fIn.get(i).asSInt())));
            g1.add(pipe(b, "g_q_" + i, sigmoid(b, "sig_g_" + i, gIn.get(i).asSInt())));
            SInt x = cIn.get(i).asSInt();
            SInt xs = SignedUnsignedMul.mul(b, "silu_mul_" + i, x, sigmoid(b, "sig_c_" + i, x));
            c1.add(pipe(b, "c_q_" + i, roundQ(b, "silu_" + i, xs)));
        }
        Bool valid1 = b.regNext("valid_q1", inValid, 0);
        Bool clear1 = b.regNext("clear_q1", inClear, 0);
        UInt pos1 = positions > 1 ? b.regNoReset("pos_q1", UInt.type(posBits)) : null;
        if (positions > 1) {
            pos1.set(pos);
        }

        // stage 2: h = c + round(f * (hPrev - c)), state read-modify-write
        List<List<SInt>> state = new ArrayList<>();
        for (int p = 0; p < positions; p++) {
            List<SInt> row = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                row.add(b.reg("h_state_" + p + "_" + i, SInt.type(W), 0));
            }
            state.add(row);
        }
        List<SInt> h2 = new ArrayList<>();
        List<UInt> g2 = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            List<SInt> column = new ArrayList<>();
            for (int p = 0; p < positions; p++) {
                column.add(state.get(p).get(i));
            }
            SInt stored = positions == 1 ? column.get(0) : new Vec<>(column).read(pos1.trunc(posBits));
            SInt hPrev = b.named("h_prev_" + i, clear1.select(SInt.lit(0, W), stored));
            SInt d = b.named("h_diff_" + i, hPrev.sub(c1.get(i)));
            SInt fd = SignedUnsignedMul.mul(b, "h_mul_" + i, d, f1.get(i));
            SInt h = b.named("h_new_" + i, c1.get(i).add(roundQ(b, "h_mix_" + i, fd)).trunc(W));
            for (int p = 0; p < positions; p++) {
                SInt cell = state.get(p).get(i);
                Bool hit = positions == 1 ? valid1 : valid1.and(pos1.eq(p));
                b.when(hit, () -> cell.set(h));
            }
            h2.add(pipe(b, "h_q_" + i, h));
            g2.add(pipe(b, "g_q2_" + i, g1.get(i)));
        }
        Bool valid2 = b.regNext("valid_q2", valid1, 0);

        // stage 3: o = round(g * h)
        Bool outValid = b.output("out_valid", Bool.type());
        outValid.set(b.regNext("valid_q3", valid2, 0));
        List<Val> outData = new ArrayList<>();
        List<Bits> hOut = new ArrayList<>();
        List<Bits> oOut = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            Bits ho = b.output("h_" + i, Bits.type(W));
            ho.set(pipe(b, "h_q3_" + i, h2.get(i)).asBits());
            hOut.add(ho);
        }
        for (int i = 0; i < lanes; i++) {
            SInt go = SignedUnsignedMul.mul(b, "o_mul_" + i, h2.get(i), g2.get(i));
            Bits oo = b.output("o_" + i, Bits.type(W));
            oo.set(pipe(b, "o_q3_" + i, roundQ(b, "o_round_" + i, go)).asBits());
            oOut.add(oo);
        }
        outData.addAll(hOut);
        outData.addAll(oOut);
        b.stream("in", true, inValid, inReady, streamData.toArray(new Val[0]));
        b.stream("out", false, outValid, null, outData.toArray(new Val[0]));
    }

    /** PLAN sigmoid of a Q3.12 value: unsigned Q1.12 in 0..4096, shifts and adds only (each branch is resized to 13 bits; the branch selected always fits). */
    static UInt sigmoid(ModuleBuilder b, String name, SInt x) {
        Bool neg = x.isNegative();
        UInt ax = b.named(name + "_abs", neg.select(SInt.lit(0, W).sub(x), x.sext(W + 1)).asUInt().trunc(W));
        UInt high = ax.shr(5).resize(13).addWrap(UInt.lit(MlgruArith.OFF_HIGH, 13));
        UInt mid = ax.shr(3).resize(13).addWrap(UInt.lit(MlgruArith.OFF_MID, 13));
        UInt low = ax.shr(2).resize(13).addWrap(UInt.lit(MlgruArith.OFF_LOW, 13));
        UInt y = b.named(name + "_pos", ax.ge(MlgruArith.BP_SAT).select(UInt.lit(MlgruArith.ONE, 13),
                ax.ge(MlgruArith.BP_HIGH).select(high, ax.ge(MlgruArith.BP_MID).select(mid, low))));
        return b.named(name, neg.select(UInt.lit(MlgruArith.ONE, 13).subWrap(y), y));
    }

    /** roundShift(x, 12) truncated to 16 bits (the callers' results provably fit). */
    private static SInt roundQ(ModuleBuilder b, String name, SInt x) {
        return b.named(name, x.add(SInt.lit(1L << (F - 1), F + 1)).shr(F).trunc(W));
    }

    private static SInt pipe(ModuleBuilder b, String name, SInt v) {
        SInt q = b.regNoReset(name, SInt.type(v.width()));
        q.set(v);
        return q;
    }

    private static UInt pipe(ModuleBuilder b, String name, UInt v) {
        UInt q = b.regNoReset(name, UInt.type(v.width()));
        q.set(v);
        return q;
    }
}
