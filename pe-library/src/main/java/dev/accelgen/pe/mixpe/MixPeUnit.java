package dev.accelgen.pe.mixpe;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.rtl.AdderTree;
import java.util.ArrayList;
import java.util.List;

/**
 * MixPE dot-product unit ({@link MixPeArith} in hardware). Stream {@code in} (always ready) carries
 * {@code in_last}, activations {@code a_i}, weight codes {@code w_i} and per group {@code scale_g},
 * {@code zp_g}. Pipeline, one register stage each:
 * <ol start="0">
 *   <li>fp16 only: block-floating-point alignment (max exponent per group, barrel shift, sign);</li>
 *   <li>per group: {@code dot = sum q_i*a_i} by shift-and-add (each set weight bit adds a shifted
 *       activation into the group's adder tree; no multiplier) and {@code actSum = sum a_i};</li>
 *   <li>{@code corr = dot - zp*actSum} (zp*actSum also shift-and-add over zp's bits);</li>
 *   <li>{@code corr * scale}: the only multiplier, once per group (one DSP48E2 per group);</li>
 *   <li>round half up by the group's shift, sum the groups, accumulate (48-bit, wrapping); on a
 *       {@code last} beat the result leaves on stream {@code out} and the accumulator restarts.</li>
 * </ol>
 */
public final class MixPeUnit implements ModuleGen<MixPeConfig> {
    @Override
    public String moduleName(MixPeConfig c) {
        return c.moduleName();
    }

    @Override
    public void build(ModuleBuilder b, MixPeConfig c) {
        int groups = c.groupsPerBeat();
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        inReady.set(Bool.TRUE);
        Bool inLast = b.input("in_last", Bool.type());
        Vec<Bits> a = b.inputVec("a", Bits.type(c.aType().portBits()), c.lanes());
        Vec<Bits> w = b.inputVec("w", Bits.type(c.wBits()), c.lanes());
        Vec<Bits> scale = b.inputVec("scale", Bits.type(MixPeArith.SCALE_BITS), groups);
        Vec<Bits> zp = b.inputVec("zp", Bits.type(c.wBits()), groups);
        List<Val> streamData = new ArrayList<>(List.of(inLast));
        a.forEach(streamData::add);
        w.forEach(streamData::add);
        scale.forEach(streamData::add);
        zp.forEach(streamData::add);

        // stage 0 (fp16): align; otherwise the activations go straight to the lanes
        List<SInt> act = new ArrayList<>();
        List<UInt> exp = new ArrayList<>();
        List<Bits> wS = list(w);
        List<Bits> scaleS = list(scale);
        List<Bits> zpS = list(zp);
        Bool valid = inValid;
        Bool last = inLast;
        if (c.aType() == ActType.FP16) {
            for (int g = 0; g < groups; g++) {
                List<SInt> sig = Fp16Align.build(b, "bfp_" + g, list(a).subList(g * c.group(), (g + 1) * c.group()), exp);
                for (int k = 0; k < sig.size(); k++) {
                    int lane = g * c.group() + k;
                    act.add(pipe(b, "act_q_" + lane, sig.get(k)));
                }
            }
            for (int g = 0; g < groups; g++) {
                exp.set(g, pipe(b, "exp_q_" + g, exp.get(g)));
            }
            wS = pipeAll(b, "w_q", wS);
            scaleS = pipeAll(b, "scale_q", scaleS);
            zpS = pipeAll(b, "zp_q", zpS);
            valid = b.regNext("align_valid", valid, 0);
            last = b.regNext("align_last", last, 0);
        } else {
            a.forEach(v -> act.add(v.asSInt()));
        }

        // stage 1: group dot products and activation sums
        List<SInt> dotQ = new ArrayList<>();
        List<SInt> sumQ = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            java.util.SortedMap<Integer, List<SInt>> byShift = new java.util.TreeMap<>();
            List<SInt> acts = new ArrayList<>();
            for (int k = 0; k < c.group(); k++) {
                int lane = g * c.group() + k;
                SInt ai = act.get(lane);
                acts.add(ai);
                for (LaneProduct.Term t : LaneProduct.terms(b, "lane_" + lane, c.mulForm(), wS.get(lane).asUInt(), ai)) {
                    byShift.computeIfAbsent(t.shift(), x -> new ArrayList<>()).add(t.value());
                }
            }
            List<SInt> partials = new ArrayList<>();
            for (var e : byShift.entrySet()) {
                partials.add(AdderTree.sum(b, "dot_" + g + "_s" + e.getKey(), e.getValue()).shl(e.getKey()));
            }
            dotQ.add(pipe(b, "dot_q_" + g, AdderTree.sum(b, "dot_" + g, partials)));
            sumQ.add(pipe(b, "asum_q_" + g, AdderTree.sum(b, "asum_" + g, acts)));
        }
        List<Bits> scale1 = pipeAll(b, "scale_q1", scaleS);
        List<Bits> zp1 = pipeAll(b, "zp_q1", zpS);
        List<UInt> exp1 = pipeAllU(b, "exp_q1", exp);
        Bool valid1 = b.regNext("valid_q1", valid, 0);
        Bool last1 = b.regNext("last_q1", last, 0);

        // stage 2: zero-point correction
        List<SInt> corrQ = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<SInt> zpTerms = LaneProduct.shiftAdd(b, "zpsum_" + g, zp1.get(g).asUInt(), sumQ.get(g));
            SInt zpSum = AdderTree.sum(b, "zpsum_" + g, zpTerms);
            corrQ.add(pipe(b, "corr_q_" + g, dotQ.get(g).sub(zpSum)));
        }
        List<Bits> scale2 = pipeAll(b, "scale_q2", scale1);
        List<UInt> exp2 = pipeAllU(b, "exp_q2", exp1);
        Bool valid2 = b.regNext("valid_q2", valid1, 0);
        Bool last2 = b.regNext("last_q2", last1, 0);

        // stage 3: dequantization multiply, once per group. The corrected sum enters as its unsigned
        // bit pattern (an unsigned product is what synthesis packs into one DSP48E2 by its true
        // operand widths); stage 4 subtracts scale << width when the sum was negative.
        List<UInt> prodQ = new ArrayList<>();
        List<Bool> negQ = new ArrayList<>();
        List<Bits> scale3 = pipeAll(b, "scale_q3", scale2);
        List<UInt> shiftQ = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            SInt corr = corrQ.get(g);
            UInt prod = b.named("dequant_" + g, corr.asUInt().mul(scale2.get(g).asUInt()));
            prodQ.add(pipe(b, "prod_q_" + g, prod));
            negQ.add(b.regNext("neg_q_" + g, corr.isNegative(), 0));
            if (c.aType() == ActType.FP16) {
                // s = 33 - E in 2..32
                UInt s = UInt.lit(MixPeArith.FP16_SHIFT_BASE, 6).subWrap(exp2.get(g).zext(6));
                shiftQ.add(pipe(b, "shift_q_" + g, s));
            }
        }
        Bool valid3 = b.regNext("valid_q3", valid2, 0);
        Bool last3 = b.regNext("last_q3", last2, 0);

        // stage 4: round, sum groups, accumulate
        List<SInt> rounded = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int corrBits = corrQ.get(g).width();
            UInt scaleHigh = scale3.get(g).asUInt().shl(corrBits);
            SInt p = b.named("product_" + g, prodQ.get(g).sub(negQ.get(g).select(scaleHigh, UInt.lit(0, scaleHigh.width()))));
            if (c.aType() == ActType.FP16) {
                UInt s = shiftQ.get(g);
                SInt half = UInt.lit(1, p.width() + 2).shlDyn(s.subWrap(1)).asSInt();
                SInt biased = p.sext(p.width() + 2).addWrap(half);
                rounded.add(b.named("rounded_" + g, biased.shrDyn(s)));
            } else {
                int s = MixPeArith.INT_SHIFT;
                rounded.add(b.named("rounded_" + g, p.add(SInt.lit(1L << (s - 1), s + 1)).shr(s)));
            }
        }
        SInt groupSum = AdderTree.sum(b, "groups", rounded);
        int accBits = MixPeArith.ACC_BITS;
        SInt acc = b.reg("acc", SInt.type(accBits), 0);
        SInt next = b.named("acc_next", acc.addWrap(groupSum.resize(accBits)));
        Bool outValidQ = b.reg("out_valid_q", Bool.type(), 0);
        Bits outQ = b.regNoReset("out_q", Bits.type(accBits));
        outValidQ.set(valid3.and(last3));
        b.when(valid3, () -> {
            b.when(last3, () -> {
                acc.set(SInt.lit(0, accBits));
                outQ.set(next.asBits());
            }).otherwise(() -> acc.set(next));
        });
        Bool outValid = b.output("out_valid", Bool.type());
        Bits out = b.output("out", Bits.type(accBits));
        outValid.set(outValidQ);
        out.set(outQ);
        b.stream("in", true, inValid, inReady, streamData.toArray(new Val[0]));
        b.stream("out", false, outValid, null, out);
    }

    static SInt pipe(ModuleBuilder b, String name, SInt v) {
        SInt q = b.regNoReset(name, SInt.type(v.width()));
        q.set(v);
        return q;
    }

    static UInt pipe(ModuleBuilder b, String name, UInt v) {
        UInt q = b.regNoReset(name, UInt.type(v.width()));
        q.set(v);
        return q;
    }

    static Bits pipe(ModuleBuilder b, String name, Bits v) {
        Bits q = b.regNoReset(name, Bits.type(v.width()));
        q.set(v);
        return q;
    }

    static <T extends Val> List<T> list(Vec<T> v) {
        List<T> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static List<Bits> pipeAll(ModuleBuilder b, String name, List<Bits> vs) {
        List<Bits> out = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            out.add(pipe(b, name + "_" + i, vs.get(i)));
        }
        return out;
    }

    private static List<UInt> pipeAllU(ModuleBuilder b, String name, List<UInt> vs) {
        List<UInt> out = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            out.add(pipe(b, name + "_" + i, vs.get(i)));
        }
        return out;
    }
}
