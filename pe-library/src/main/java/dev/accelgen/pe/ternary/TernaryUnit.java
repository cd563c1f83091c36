package dev.accelgen.pe.ternary;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.rtl.AdderTree;
import java.util.ArrayList;
import java.util.List;

/**
 * BitLinear dot-product unit. Stream {@code in} (always ready: {@code in_ready} is constant 1) carries {@code in_last}, the
 * activations {@code a_i} (signed, aBits) and the weights: {@code w_i} (2-bit codes) or
 * {@code wb_j} (base-3 bytes, decoded by a 243-entry table into 2-bit codes). Pipeline: [base-3
 * decode register] -> adder-tree register -> accumulator. On a {@code last} beat the accumulator
 * plus that beat's sum leaves on stream {@code out} ({@code out}, 32-bit two's complement, wrapping)
 * {@link TernaryConfig#latency()} cycles after acceptance, and the accumulator restarts at 0.
 */
public final class TernaryUnit implements ModuleGen<TernaryConfig> {
    @Override
    public String moduleName(TernaryConfig c) {
        return c.moduleName();
    }

    @Override
    public void build(ModuleBuilder b, TernaryConfig c) {
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        inReady.set(Bool.TRUE);
        Bool inLast = b.input("in_last", Bool.type());
        Vec<Bits> a = b.inputVec("a", Bits.type(c.aBits()), c.lanes());
        List<Val> streamData = new ArrayList<>(List.of(inLast));
        a.forEach(streamData::add);

        List<Bits> laneA = new ArrayList<>();
        List<Bits> codes = new ArrayList<>();
        Bool valid;
        Bool last;
        if (c.packing() == Packing.TWO_BIT) {
            Vec<Bits> w = b.inputVec("w", Bits.type(2), c.lanes());
            w.forEach(streamData::add);
            a.forEach(laneA::add);
            w.forEach(codes::add);
            valid = inValid;
            last = inLast;
        } else {
            Vec<Bits> wb = b.inputVec("wb", Bits.type(8), c.weightBytes());
            wb.forEach(streamData::add);
            for (int j = 0; j < c.weightBytes(); j++) {
                Bits dec = Base3Decoder.decode(b, "dec_" + j, wb.get(j));
                for (int k = 0; k < TernaryCodec.WEIGHTS_PER_BYTE && 5 * j + k < c.lanes(); k++) {
                    int lane = 5 * j + k;
                    Bits code = b.regNoReset("code_q_" + lane, Bits.type(2));
                    code.set(dec.slice(2 * k + 1, 2 * k));
                    codes.add(code);
                }
            }
            for (int i = 0; i < c.lanes(); i++) {
                Bits q = b.regNoReset("a_q_" + i, Bits.type(c.aBits()));
                q.set(a.get(i));
                laneA.add(q);
            }
            valid = b.regNext("dec_valid", inValid, 0);
            last = b.regNext("dec_last", inLast, 0);
        }

        AdderTree.Result tree = TernaryLanes.build(b, c.form(), laneA, codes);
        SInt treeQ = b.regNoReset("tree_q", SInt.type(tree.sum().width()));
        treeQ.set(tree.sum());
        List<Bool> carryQ = new ArrayList<>();
        for (int k = 0; k < tree.leftoverCarries().size(); k++) {
            carryQ.add(b.regNext("carry_q_" + k, tree.leftoverCarries().get(k), 0));
        }
        Bool validQ = b.regNext("tree_valid", valid, 0);
        Bool lastQ = b.regNext("tree_last", last, 0);

        int accBits = BitLinearArith.ACC_BITS;
        SInt acc = b.reg("acc", SInt.type(accBits), 0);
        SInt total = acc.addWrap(treeQ.sext(accBits));
        for (Bool carry : carryQ) {
            total = total.addWrap(Bits.cat(Bool.FALSE, carry).asSInt());
        }
        SInt sum = b.named("acc_next", total);
        Bool outValid = b.output("out_valid", Bool.type());
        Bits out = b.output("out", Bits.type(accBits));
        Bool outValidQ = b.reg("out_valid_q", Bool.type(), 0);
        Bits outQ = b.regNoReset("out_q", Bits.type(accBits));
        outValidQ.set(validQ.and(lastQ));
        b.when(validQ, () -> {
            b.when(lastQ, () -> {
                acc.set(SInt.lit(0, accBits));
                outQ.set(sum.asBits());
            }).otherwise(() -> acc.set(sum));
        });
        outValid.set(outValidQ);
        out.set(outQ);
        b.stream("in", true, inValid, inReady, streamData.toArray(new Val[0]));
        b.stream("out", false, outValid, null, out);
    }
}
