package dev.accelgen.pe.rmsnorm;

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
 * RMSNorm ({@link RmsNormArith} in hardware). LOAD: stream {@code in} is ready; each beat's
 * elements {@code x_i} are buffered on chip and their squares summed. After the vector's last beat
 * (beat n/lanes - 1, accepted at cycle T) the input is not ready while five compute cycles form
 * m, normalize it (k, t), look up the 96-entry seed, and run the Newton step (three products);
 * then the buffer streams out: beat j's {@code y_i} appear at cycle T + 7 + j, and the input is
 * ready again at cycle T + 6 + n/lanes.
 */
public final class RmsNormUnit implements ModuleGen<RmsNormConfig> {
    private static final int LOAD = 0;
    private static final int C0 = 1;
    private static final int EMIT = 1 + RmsNormConfig.COMPUTE_CYCLES;

    @Override
    public String moduleName(RmsNormConfig c) {
        return c.moduleName();
    }

    @Override
    public void build(ModuleBuilder b, RmsNormConfig c) {
        int lanes = c.lanes();
        int beats = c.beats();
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        Vec<Bits> x = b.inputVec("x", Bits.type(16), lanes);

        UInt state = b.reg("state", UInt.type(3), LOAD);
        int cntBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(beats - 1));
        UInt cnt = b.reg("cnt", UInt.type(cntBits), 0);
        Bool loading = b.named("loading", state.eq(LOAD));
        inReady.set(loading);
        Bool fire = b.named("fire", inValid.and(loading));
        Bool lastBeat = b.named("last_beat", cnt.eq(beats - 1));

        // LOAD: buffer and sum of squares (at most n * 2^30 < 2^39)
        List<List<SInt>> buf = new ArrayList<>();
        for (int j = 0; j < beats; j++) {
            List<SInt> row = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                SInt cell = b.regNoReset("buf_" + j + "_" + i, SInt.type(16));
                Bool hit = beats == 1 ? fire : fire.and(cnt.eq(j));
                b.when(hit, () -> cell.set(x.get(row.size()).asSInt()));
                row.add(cell);
            }
            buf.add(row);
        }
        int ssBits = 31 + c.log2n();
        UInt ss = b.reg("ss", UInt.type(ssBits), 0);
        UInt beatSq = UInt.lit(0, 1);
        for (int i = 0; i < lanes; i++) {
            // |x|^2 as an unsigned 16 x 16 product (one DSP48E2); |x| <= 2^15
            SInt xi = x.get(i).asSInt();
            UInt ax = b.named("abs_" + i, xi.isNegative().select(SInt.lit(0, 16).sub(xi), xi.sext(17)).asUInt().trunc(16));
            UInt sq = b.named("sq_" + i, ax.mul(ax).trunc(31));
            beatSq = beatSq.add(sq);
        }
        UInt ssNext = b.named("ss_next", ss.add(beatSq).resize(ssBits));

        // C0: m, k and the normalized t = m << (30 - 2k)
        UInt m = b.named("m", ss.shr(c.log2n()).resize(32).addWrap(UInt.lit(c.eps(), 32)));
        UInt kSel = b.wire("k_sel", UInt.lit(0, 4));
        for (int k = 1; k <= 15; k++) {
            final int kk = k;
            b.when(m.ge(1L << (2 * k)), () -> kSel.set(UInt.lit(kk, 4)));
        }
        UInt shift = b.named("norm_shift", UInt.lit(30, 5).subWrap(kSel.shl(1).resize(5)));
        UInt t = b.regNoReset("t_q", UInt.type(32));
        UInt kQ = b.regNoReset("k_q", UInt.type(4));
        // C1: seed
        UInt y0 = b.regNoReset("y0_q", UInt.type(16));
        UInt mt = b.regNoReset("mt_q", UInt.type(18));
        UInt seed = RsqrtTable.lookup(b, "seed", t.slice(31, 25));
        // C2..C4: Newton step
        UInt ys = b.regNoReset("ys_q", UInt.type(16));
        UInt p = b.regNoReset("p_q", UInt.type(18));
        UInt y1 = b.regNoReset("y1_q", UInt.type(18));
        // ys <= round(65030^2 / 2^16) = 64528: 16 bits
        UInt ysNext = b.named("ys_next", roundShift(y0.mul(y0), 16).resize(16));
        UInt pNext = b.named("p_next", roundShift(mt.mul(ys), 16).resize(18));
        UInt q = b.named("newton_q", UInt.lit(3L << 16, 18).subWrap(p));
        UInt y1Next = b.named("y1_next", roundShift(y0.mul(q), 17).resize(18));

        // EMIT: y_i = saturate(roundShift(x_i * y1, 5 + k), 16)
        Bool outValidQ = b.reg("out_valid_q", Bool.type(), 0);
        List<SInt> outQ = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            outQ.add(b.regNoReset("y_q_" + i, SInt.type(16)));
        }
        UInt outShift = b.named("out_shift", kQ.zext(5).addWrap(UInt.lit(5, 5)));
        List<SInt> yNext = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            List<SInt> column = new ArrayList<>();
            for (int j = 0; j < beats; j++) {
                column.add(buf.get(j).get(i));
            }
            SInt xi = beats == 1 ? column.get(0) : new Vec<>(column).read(cnt);
            SInt prod = SignedUnsignedMul.mul(b, "scale_" + i, xi, y1);
            int w = prod.width() + 1;
            SInt half = UInt.lit(1, w).shlDyn(outShift.subWrap(1)).asSInt();
            SInt rounded = b.named("round_" + i, prod.sext(w).addWrap(half).shrDyn(outShift));
            yNext.add(b.named("y_next_" + i, rounded.saturate(16)));
        }

        outValidQ.set(state.eq(EMIT));
        b.switchOn(state)
                .is(LOAD, () -> b.when(fire, () -> {
                    ss.set(ssNext);
                    b.when(lastBeat, () -> {
                        cnt.set(UInt.lit(0, cntBits));
                        state.set(UInt.lit(C0, 3));
                    }).otherwise(() -> cnt.set(cnt.addWrap(1)));
                }))
                .is(C0, () -> {
                    t.set(m.shlDyn(shift.zext(32).trunc(5)));
                    kQ.set(kSel);
                    ss.set(UInt.lit(0, ssBits));
                    state.set(UInt.lit(C0 + 1, 3));
                })
                .is(C0 + 1, () -> {
                    y0.set(seed);
                    mt.set(t.slice(31, 14));
                    state.set(UInt.lit(C0 + 2, 3));
                })
                .is(C0 + 2, () -> {
                    ys.set(ysNext);
                    state.set(UInt.lit(C0 + 3, 3));
                })
                .is(C0 + 3, () -> {
                    p.set(pNext);
                    state.set(UInt.lit(C0 + 4, 3));
                })
                .is(C0 + 4, () -> {
                    y1.set(y1Next);
                    state.set(UInt.lit(EMIT, 3));
                })
                .is(EMIT, () -> {
                    for (int i = 0; i < lanes; i++) {
                        outQ.get(i).set(yNext.get(i));
                    }
                    b.when(lastBeat, () -> {
                        cnt.set(UInt.lit(0, cntBits));
                        state.set(UInt.lit(LOAD, 3));
                    }).otherwise(() -> cnt.set(cnt.addWrap(1)));
                });

        Bool outValid = b.output("out_valid", Bool.type());
        outValid.set(outValidQ);
        List<Val> outs = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            Bits y = b.output("y_" + i, Bits.type(16));
            y.set(outQ.get(i).asBits());
            outs.add(y);
        }
        List<Val> inData = new ArrayList<>();
        x.forEach(inData::add);
        b.stream("in", true, inValid, inReady, inData.toArray(new Val[0]));
        b.stream("out", false, outValid, null, outs.toArray(new Val[0]));
    }

    /** (v + 2^(s-1)) >> s for unsigned v. */
    private static UInt roundShift(UInt v, int s) {
        return v.add(UInt.lit(1L << (s - 1), s)).shr(s);
    }
}
