package dev.accelgen.pe.mixpe;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.pe.rtl.AdderTree;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * MixPE array ({@link MixPeArith} in hardware): {@code lanes} activations per beat broadcast to
 * {@code cols} output columns, one shift-and-add MAC per lane and column per cycle. Stream
 * {@code in} (always ready) carries {@code in_last}, activations {@code a_i}, weight codes
 * {@code w_c_i} and per column and group {@code scale_c_g}, {@code zp_c_g}. One register stage each:
 * <ol start="0">
 *   <li>fp16 only: block-floating-point alignment (max exponent per group, barrel shift, sign),
 *       shared by all columns;</li>
 *   <li>per column and group {@code dot = sum q_i*a_i} by shift-and-add (no multiplier), and per
 *       group {@code actSum = sum a_i}, shared by all columns;</li>
 *   <li>{@code corr = dot - zp*actSum} (zp*actSum by shift-and-add over zp's bits);</li>
 *   <li>{@code corr * scale}: the only multiplier, once per column and group (one DSP48E2 each);</li>
 *   <li>round half up by the group's shift, sum the groups, accumulate per column (48-bit,
 *       wrapping); on a {@code last} beat the columns leave together on stream {@code out}
 *       ({@code out_c}) and the accumulators restart.</li>
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
        int cols = c.cols();
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        inReady.set(Bool.TRUE);
        Bool inLast = b.input("in_last", Bool.type());
        List<Bits> a = new ArrayList<>();
        for (int i = 0; i < c.lanes(); i++) {
            a.add(b.input("a_" + i, Bits.type(c.aType().portBits())));
        }
        List<Bits> w = new ArrayList<>();
        for (int col = 0; col < cols; col++) {
            for (int i = 0; i < c.lanes(); i++) {
                w.add(b.input("w_" + col + "_" + i, Bits.type(c.wBits())));
            }
        }
        List<Bits> scale = new ArrayList<>();
        List<Bits> zp = new ArrayList<>();
        for (int col = 0; col < cols; col++) {
            for (int g = 0; g < groups; g++) {
                scale.add(b.input("scale_" + col + "_" + g, Bits.type(MixPeArith.SCALE_BITS)));
            }
        }
        for (int col = 0; col < cols; col++) {
            for (int g = 0; g < groups; g++) {
                zp.add(b.input("zp_" + col + "_" + g, Bits.type(c.wBits())));
            }
        }
        List<Val> streamData = new ArrayList<>(List.of(inLast));
        streamData.addAll(a);
        streamData.addAll(w);
        streamData.addAll(scale);
        streamData.addAll(zp);

        // stage 0 (fp16): align; otherwise the activations go straight to the lanes
        List<SInt> act = new ArrayList<>();
        List<UInt> exp = new ArrayList<>();
        Bool valid = inValid;
        Bool last = inLast;
        if (c.aType() == ActType.FP16) {
            for (int g = 0; g < groups; g++) {
                List<SInt> sig = Fp16Align.build(b, "bfp_" + g, a.subList(g * c.group(), (g + 1) * c.group()), exp);
                for (int k = 0; k < sig.size(); k++) {
                    act.add(pipe(b, "act_q_" + (g * c.group() + k), sig.get(k)));
                }
            }
            exp = pipeAll(b, "exp_q", exp);
            w = pipeAll(b, "w_q", w);
            scale = pipeAll(b, "scale_q", scale);
            zp = pipeAll(b, "zp_q", zp);
            valid = b.regNext("align_valid", valid, 0);
            last = b.regNext("align_last", last, 0);
        } else {
            a.forEach(v -> act.add(v.asSInt()));
        }

        // stage 1: dot products per column and group, activation sums per group
        List<SInt> dotQ = new ArrayList<>();
        for (int col = 0; col < cols; col++) {
            for (int g = 0; g < groups; g++) {
                String tag = col + "_" + g;
                SortedMap<Integer, List<SInt>> byShift = new TreeMap<>();
                for (int k = 0; k < c.group(); k++) {
                    int lane = g * c.group() + k;
                    UInt q = w.get(col * c.lanes() + lane).asUInt();
                    for (LaneProduct.Term t : LaneProduct.terms(b, "lane_" + col + "_" + lane, c.mulForm(), q, act.get(lane))) {
                        byShift.computeIfAbsent(t.shift(), x -> new ArrayList<>()).add(t.value());
                    }
                }
                List<SInt> partials = new ArrayList<>();
                for (var e : byShift.entrySet()) {
                    partials.add(AdderTree.sum(b, "dot_" + tag + "_s" + e.getKey(), e.getValue()).shl(e.getKey()));
                }
                dotQ.add(pipe(b, "dot_q_" + tag, AdderTree.sum(b, "dot_" + tag, partials)));
            }
        }
        List<SInt> sumQ = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            sumQ.add(pipe(b, "asum_q_" + g, AdderTree.sum(b, "asum_" + g, act.subList(g * c.group(), (g + 1) * c.group()))));
        }
        List<Bits> scale1 = pipeAll(b, "scale_q1", scale);
        List<Bits> zp1 = pipeAll(b, "zp_q1", zp);
        List<UInt> exp1 = pipeAll(b, "exp_q1", exp);
        Bool valid1 = b.regNext("valid_q1", valid, 0);
        Bool last1 = b.regNext("last_q1", last, 0);

        // stage 2: zero-point correction
        List<SInt> corrQ = new ArrayList<>();
        for (int col = 0; col < cols; col++) {
            for (int g = 0; g < groups; g++) {
                String tag = col + "_" + g;
                int idx = col * groups + g;
                List<SInt> zpTerms = LaneProduct.shiftAdd(b, "zpsum_" + tag, zp1.get(idx).asUInt(), sumQ.get(g));
                SInt zpSum = AdderTree.sum(b, "zpsum_" + tag, zpTerms);
                corrQ.add(pipe(b, "corr_q_" + tag, dotQ.get(idx).sub(zpSum)));
            }
        }
        List<Bits> scale2 = pipeAll(b, "scale_q2", scale1);
        List<UInt> exp2 = pipeAll(b, "exp_q2", exp1);
        Bool valid2 = b.regNext("valid_q2", valid1, 0);
        Bool last2 = b.regNext("last_q2", last1, 0);

        // stage 3: dequantization multiply, once per column and group. The corrected sum enters as
        // its unsigned bit pattern (an unsigned product is what synthesis packs into one DSP48E2 by
        // its true operand widths); stage 4 subtracts scale << width when the sum was negative.
        List<UInt> prodQ = new ArrayList<>();
        List<Bool> negQ = new ArrayList<>();
        for (int idx = 0; idx < cols * groups; idx++) {
            String tag = (idx / groups) + "_" + (idx % groups);
            SInt corr = corrQ.get(idx);
            UInt product = b.named("dequant_" + tag, corr.asUInt().mul(scale2.get(idx).asUInt()));
            prodQ.add(pipe(b, "prod_q_" + tag, product));
            negQ.add(b.regNext("neg_q_" + tag, corr.isNegative(), 0));
        }
        List<Bits> scale3 = pipeAll(b, "scale_q3", scale2);
        List<UInt> shiftQ = new ArrayList<>();
        if (c.aType() == ActType.FP16) {
            for (int g = 0; g < groups; g++) {
                // s = 33 - E, in 2..32
                shiftQ.add(pipe(b, "shift_q_" + g, UInt.lit(MixPeArith.FP16_SHIFT_BASE, 6).subWrap(exp2.get(g).zext(6))));
            }
        }
        Bool valid3 = b.regNext("valid_q3", valid2, 0);
        Bool last3 = b.regNext("last_q3", last2, 0);

        // stage 4: sign correction, round, sum the groups, accumulate
        int accBits = MixPeArith.ACC_BITS;
        Bool outValid = b.output("out_valid", Bool.type());
        outValid.set(b.regNext("out_valid_q", valid3.and(last3), 0));
        List<Val> outs = new ArrayList<>();
        for (int col = 0; col < cols; col++) {
            List<SInt> rounded = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                int idx = col * groups + g;
                String tag = col + "_" + g;
                UInt scaleHigh = scale3.get(idx).asUInt().shl(corrQ.get(idx).width());
                SInt p = b.named("product_" + tag, prodQ.get(idx).sub(negQ.get(idx).select(scaleHigh, UInt.lit(0, scaleHigh.width()))));
                rounded.add(round(b, "rounded_" + tag, p, c.aType() == ActType.FP16 ? shiftQ.get(g) : null));
            }
            SInt groupSum = AdderTree.sum(b, "groups_" + col, rounded);
            SInt acc = b.reg("acc_" + col, SInt.type(accBits), 0);
            SInt next = b.named("acc_next_" + col, acc.addWrap(groupSum.resize(accBits)));
            Bits outQ = b.regNoReset("out_q_" + col, Bits.type(accBits));
            b.when(valid3, () -> {
                b.when(last3, () -> {
                    acc.set(SInt.lit(0, accBits));
                    outQ.set(next.asBits());
                }).otherwise(() -> acc.set(next));
            });
            Bits out = b.output("out_" + col, Bits.type(accBits));
            out.set(outQ);
            outs.add(out);
        }
        b.stream("in", true, inValid, inReady, streamData.toArray(new Val[0]));
        b.stream("out", false, outValid, null, outs.toArray(new Val[0]));
    }

    /** roundShift(p, s): a constant s = 8 for integer activations, the group's s = 33 - E for fp16. */
    private static SInt round(ModuleBuilder b, String name, SInt p, UInt fp16Shift) {
        if (fp16Shift == null) {
            int s = MixPeArith.INT_SHIFT;
            return b.named(name, p.add(SInt.lit(1L << (s - 1), s + 1)).shr(s));
        }
        SInt half = UInt.lit(1, p.width() + 2).shlDyn(fp16Shift.subWrap(1)).asSInt();
        return b.named(name, p.sext(p.width() + 2).addWrap(half).shrDyn(fp16Shift));
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

    @SuppressWarnings("unchecked")
    private static <T extends Val> List<T> pipeAll(ModuleBuilder b, String name, List<T> vs) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            T v = vs.get(i);
            Val q;
            if (v instanceof SInt) {
                q = b.regNoReset(name + "_" + i, SInt.type(v.width()));
            } else if (v instanceof UInt) {
                q = b.regNoReset(name + "_" + i, UInt.type(v.width()));
            } else {
                q = b.regNoReset(name + "_" + i, Bits.type(v.width()));
            }
            q.set(v);
            out.add((T) q);
        }
        return out;
    }
}
