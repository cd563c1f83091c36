package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.InstrLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Test top around the controller's generated decoder: input stream {@code word} (always ready), static
 * registers {@code reg_1..reg_15} and program length {@code count}; output stream {@code verdict} one cycle
 * after each word: the illegal flag and every resolved operand slot.
 */
final class DecoderProbe implements ModuleGen<HwConfig> {
    static int slots(HwConfig c) {
        int n = 0;
        for (var o : InstrRules.supported(c)) {
            n = Math.max(n, InstrFields.operands(o).size());
        }
        return n;
    }

    @Override
    public String moduleName(HwConfig c) {
        return "decoder_probe_" + c.name();
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        Bool valid = b.input("word_valid", Bool.type());
        Bool ready = b.output("word_ready", Bool.type());
        Bits word = b.input("word_w", Bits.type(InstrLayout.BITS));
        ready.set(Bool.TRUE);
        b.stream("word", true, valid, ready, word);
        List<UInt> regs = new ArrayList<>();
        regs.add(UInt.lit(0, 32));
        for (int r = 1; r < 16; r++) {
            regs.add(b.input("reg_" + r, UInt.type(32)));
        }
        UInt count = b.input("count", UInt.type(FetchRtl.PC_BITS));
        DecoderRtl dec = new DecoderRtl(b, c, word, new Vec<>(regs), count);
        Bool outValid = b.output("verdict_valid", Bool.type());
        outValid.set(b.regNext("valid_q", valid, 0));
        List<Val> data = new ArrayList<>();
        Bool illegal = b.output("verdict_illegal", Bool.type());
        illegal.set(b.regNext("illegal_q", dec.illegal(), 0));
        data.add(illegal);
        for (int k = 0; k < slots(c); k++) {
            UInt s = b.output("verdict_slot" + k, UInt.type(32));
            s.set(b.regNext("slot" + k + "_q", dec.slot(k), 0));
            data.add(s);
        }
        b.stream("verdict", false, outValid, null, data.toArray(new Val[0]));
    }
}
