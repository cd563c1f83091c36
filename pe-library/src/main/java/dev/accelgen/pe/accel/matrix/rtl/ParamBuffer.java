package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;

/**
 * The column-parameter buffers: the M words and the bias words of an instruction, one part of
 * {@code paramHalfDepth} ABUF words per instruction slot (address {slot, word}); written by the fetch stage,
 * read (registered) by the output stage.
 */
final class ParamBuffer {
    private final int wordBits;
    private final Mem<Bits> m;
    private final Mem<Bits> bias;

    ParamBuffer(ModuleBuilder b, MatrixEngineConfig c) {
        this.wordBits = Integer.numberOfTrailingZeros(c.paramHalfDepth());
        int depth = SlotRegs.SLOTS * c.paramHalfDepth();
        RamStyle style = (long) depth * c.lanes() * 32 > 64 * 1024 ? RamStyle.BLOCK : RamStyle.DISTRIBUTED;
        m = b.mem("param_m", Bits.type(32 * c.lanes()), depth, style);
        bias = b.mem("param_bias", Bits.type(32 * c.lanes()), depth, style);
    }

    void write(Bool toM, Bool toBias, UInt slot, UInt word, Bits data) {
        UInt addr = address(slot, word);
        m.write(toM, addr, data);
        bias.write(toBias, addr, data);
    }

    /** Registered reads of both buffers: {M word, bias word}. */
    Bits[] read(Bool enable, UInt slot, UInt word) {
        UInt addr = address(slot, word);
        return new Bits[] {m.readSync(enable, addr, "param_m_q"), bias.readSync(enable, addr, "param_bias_q")};
    }

    private UInt address(UInt slot, UInt word) {
        return wordBits == 0 ? slot : slot.shl(wordBits).or(word.resize(wordBits).zext(wordBits + 2));
    }
}
