package dev.accelgen.pe.dsp;

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
 * The sparse DSP chain top. Input stream {@code in}: the activation vectors of {@link Packing#activationPorts()}
 * ({@code x_0..x_{W-1}}, or {@code xa_*} and {@code xb_*} for int4x4), per slice the weights of
 * {@link Packing#weightPorts()} ({@code w_k}; {@code wh_k}/{@code wl_k}; {@code w0_k}/{@code w1_k}) and, for
 * sparse chains, index fields {@code idx_f} (one index serves every activation vector and weight of a slice).
 * Stream {@code cfg} (sparse chains only) writes the mode register {@code cfg_mode}: 0 dense (slice k takes
 * x_k), 1 sparse (slice k takes the activation {@link DspChainConfig#sparseSource} names). A beat uses the
 * mode register as it is during the cycle the beat is accepted. Both streams are always ready.
 *
 * <p>Per beat the chain outputs one dot product per lane, {@code y_l} = sum over slices of weight
 * {@code laneWeight(l)} times activation vector {@code laneActivation(l)} at the selected position, exactly
 * {@link DspChainConfig#latency()} cycles after acceptance. Slice j of a segment of size s sees
 * its operands after j + (segmentLength - s) skew registers, so every segment's last P is ready in the same
 * cycle; the fabric unpacks the lanes, adds the segments and registers the result.
 */
public final class DspChain implements ModuleGen<DspChainConfig> {
    private static final int OPMODE_M = 0b00_000_01_01;
    private static final int OPMODE_PCIN_PLUS_M = 0b00_001_01_01;
    private static final int INMODE_A = 0b00000;
    private static final int INMODE_D_PLUS_A = 0b00100;

    @Override
    public String moduleName(DspChainConfig c) {
        return "dsp_chain_l" + c.length() + "_" + c.packing().cliName() + "_" + sparsityName(c.sparsity());
    }

    static String sparsityName(Sparsity s) {
        if (s instanceof Sparsity.NOfM nm) {
            return "s" + nm.n() + "of" + nm.m();
        }
        if (s instanceof Sparsity.Block bl) {
            return "blk" + bl.b();
        }
        return "dense";
    }

    @Override
    public void build(ModuleBuilder b, DspChainConfig c) {
        Bool inValid = b.input("in_valid", Bool.type());
        Bool inReady = b.output("in_ready", Bool.type());
        inReady.set(Bool.TRUE);
        List<Val> streamData = new ArrayList<>();
        Packing pk = c.packing();
        List<Vec<Bits>> xv = new ArrayList<>();
        for (String a : pk.activationPorts()) {
            Vec<Bits> v = b.inputVec(a, Bits.type(pk.bits()), c.window());
            v.forEach(streamData::add);
            xv.add(v);
        }
        List<Vec<Bits>> w = new ArrayList<>();
        for (String name : pk.weightPorts()) {
            w.add(b.inputVec(name, Bits.type(pk.bits()), c.length()));
        }
        w.forEach(v -> v.forEach(streamData::add));
        Vec<Bits> idx = c.sparse() ? b.inputVec("idx", Bits.type(c.indexBits()), c.indexFields()) : null;
        if (idx != null) {
            idx.forEach(streamData::add);
        }
        b.stream("in", true, inValid, inReady, streamData.toArray(new Val[0]));

        Bool sparseMode = c.sparse() ? modeRegister(b) : Bool.FALSE;
        Bool reset = b.reset();
        List<Bits> segmentP = new ArrayList<>();
        for (int s = 0; s < c.segments(); s++) {
            int start = c.segmentStart(s);
            int size = c.segmentSize(s);
            Instance previous = null;
            for (int j = 0; j < size; j++) {
                int k = start + j;
                int delay = j + c.segmentLength() - size;
                List<Bits> xq = new ArrayList<>();
                for (int a = 0; a < xv.size(); a++) {
                    Vec<Bits> x = xv.get(a);
                    Bits xSel = c.sparse() ? sparseMode.select(sparseCandidate(c, x, idx, k), x.get(k)) : x.get(k);
                    xq.add(skew(b, pk.activationPorts().get(a) + "_skew_" + k, xSel, delay));
                }
                List<Bits> wq = new ArrayList<>();
                for (int i = 0; i < w.size(); i++) {
                    wq.add(skew(b, pk.weightPorts().get(i) + "_skew_" + k, w.get(i).get(k), delay));
                }
                Instance dsp = Dsp48e2Primitive.instantiate(b, "dsp_" + k, c.slice());
                Dsp48e2Primitive.tieStatic(dsp, reset);
                drivePins(pk, dsp, xq, wq);
                Dsp48e2Primitive.control(dsp, c.slice(), previous == null ? OPMODE_M : OPMODE_PCIN_PLUS_M, 0);
                dsp.<Bits>port("PCIN").set(previous == null ? Bits.lit(0, 48) : previous.port("PCOUT"));
                previous = dsp;
            }
            segmentP.add(previous.port("P"));
        }

        Bool outValid = b.output("out_valid", Bool.type());
        Bool v = inValid;
        for (int i = 0; i < c.latency(); i++) {
            v = b.regNext("valid_pipe_" + i, v, 0);
        }
        outValid.set(v);
        List<Val> outs = new ArrayList<>();
        for (int lane = 0; lane < c.packing().lanes(); lane++) {
            UInt sum = UInt.lit(0, DspChainConfig.RESULT_BITS);
            for (Bits p : segmentP) {
                sum = sum.addWrap(laneValue(c, p, lane));
            }
            Bits y = b.output("y_" + lane, Bits.type(DspChainConfig.RESULT_BITS));
            Bits yq = b.regNoReset("y_q_" + lane, Bits.type(DspChainConfig.RESULT_BITS));
            yq.set(sum.asBits());
            y.set(yq);
            outs.add(y);
        }
        b.stream("out", false, outValid, null, outs.toArray(new Val[0]));
    }

    /** A, B, D and INMODE of one slice for its packing (see {@link Int8x2} and {@link Int4x4} for the layouts). */
    private static void drivePins(Packing pk, Instance dsp, List<Bits> x, List<Bits> w) {
        switch (pk) {
            case NONE -> {
                dsp.<Bits>port("A").set(w.get(0).asSInt().sext(30).asBits());
                dsp.<Bits>port("B").set(x.get(0).asSInt().sext(18).asBits());
                dsp.<Bits>port("D").set(Bits.lit(0, 27));
                dsp.<Bits>port("INMODE").set(Bits.lit(INMODE_A, 5));
            }
            case INT8X2 -> {
                dsp.<Bits>port("A").set(Bits.cat(w.get(0).asSInt().sext(30 - Int8x2.LANE_OFFSET), Bits.lit(0, Int8x2.LANE_OFFSET)));
                dsp.<Bits>port("D").set(w.get(1).asSInt().sext(27).asBits());
                dsp.<Bits>port("B").set(x.get(0).asSInt().sext(18).asBits());
                dsp.<Bits>port("INMODE").set(Bits.lit(INMODE_D_PLUS_A, 5));
            }
            case INT4X4 -> {
                int lane = Int4x4.LANE_BITS;
                dsp.<Bits>port("A").set(Bits.cat(x.get(1).asSInt().sext(30 - 2 * lane), Bits.lit(0, 2 * lane)));
                dsp.<Bits>port("D").set(x.get(0).asSInt().sext(27).asBits());
                UInt w1 = Bits.cat(w.get(1).asSInt().sext(18 - lane), Bits.lit(0, lane)).asUInt();
                dsp.<Bits>port("B").set(w1.addWrap(w.get(0).asSInt().sext(18).asUInt()).asBits());
                dsp.<Bits>port("INMODE").set(Bits.lit(INMODE_D_PLUS_A, 5));
            }
            default -> throw new IllegalStateException("unknown packing " + pk);
        }
    }

    /** The mode register, written by the always-ready {@code cfg} stream. */
    private static Bool modeRegister(ModuleBuilder b) {
        Bool cfgValid = b.input("cfg_valid", Bool.type());
        Bool cfgReady = b.output("cfg_ready", Bool.type());
        Bool cfgMode = b.input("cfg_mode", Bool.type());
        cfgReady.set(Bool.TRUE);
        b.stream("cfg", true, cfgValid, cfgReady, cfgMode);
        Bool mode = b.reg("mode_q", Bool.type(), 0);
        b.when(cfgValid, () -> mode.set(cfgMode));
        return mode;
    }

    /** The activation mux of slice k in sparse mode, selected by its index field. */
    private static Bits sparseCandidate(DspChainConfig c, Vec<Bits> x, Vec<Bits> idx, int k) {
        List<Bits> candidates = new ArrayList<>();
        for (int v = 0; v < c.indexChoices(); v++) {
            candidates.add(x.get(c.sparseSource(k, v)));
        }
        return new Vec<>(candidates).read(idx.get(c.indexFieldOf(k)).asUInt());
    }

    /** One lane of a segment's P as a 32-bit two's-complement pattern, corrected by the borrow of the lanes below. */
    private static UInt laneValue(DspChainConfig c, Bits p, int lane) {
        int bits = DspChainConfig.RESULT_BITS;
        int step = c.packing() == Packing.INT4X4 ? Int4x4.LANE_BITS : Int8x2.LANE_OFFSET;
        if (c.packing() == Packing.NONE) {
            return p.slice(bits - 1, 0).asUInt();
        }
        int lo = step * lane;
        int hi = lane == c.packing().lanes() - 1 ? 47 : lo + step - 1;
        UInt field = p.slice(hi, lo).asSInt().sext(bits).asUInt();
        return lo == 0 ? field : field.addWrap(p.bit(lo - 1).asUInt().zext(bits));
    }

    /** {@code depth} data registers (no reset: garbage only ever meets invalid beats). */
    private static Bits skew(ModuleBuilder b, String name, Bits in, int depth) {
        Bits cur = in;
        for (int i = 0; i < depth; i++) {
            Bits q = b.regNoReset(name + "_" + i, Bits.type(in.width()));
            q.set(cur);
            cur = q;
        }
        return cur;
    }
}
