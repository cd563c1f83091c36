package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The row buffer: per row slot of a pass and per bank one memory of V codes per word, two halves of
 * {@code halfDepth} superwords; ABUF word w of a row goes to bank {@code w mod banks}, superword
 * {@code w / banks}. The fetch stage writes one word per cycle; the issue stage reads a superword of every row
 * slot per cycle (registered read).
 */
final class RowBuffer {
    private final MatrixEngineConfig c;
    private final List<List<Mem<Bits>>> mems = new ArrayList<>();

    RowBuffer(ModuleBuilder b, MatrixEngineConfig c) {
        this.c = c;
        int codes = c.lanes() * c.shape().codeBits();
        int depth = 2 * c.halfDepth();
        RamStyle style = (long) codes * depth * c.banks() * c.shape().rowsPerPass() > 64 * 1024 ? RamStyle.BLOCK
                : RamStyle.DISTRIBUTED;
        for (int r = 0; r < c.shape().rowsPerPass(); r++) {
            List<Mem<Bits>> banks = new ArrayList<>();
            for (int k = 0; k < c.banks(); k++) {
                banks.add(b.mem("rowbuf_r" + r + "_b" + k, Bits.type(codes), depth, style));
            }
            mems.add(banks);
        }
    }

    /** Address bits of a superword within a half. */
    int superwordBits() {
        return Integer.numberOfTrailingZeros(c.halfDepth());
    }

    /** Writes ABUF word {@code word} of the row in slot {@code r} of half {@code half}. */
    void write(Bool enable, UInt r, UInt half, UInt word, Bits codes) {
        int bankBits = Integer.numberOfTrailingZeros(c.banks());
        UInt sw = word.shr(bankBits).resize(Math.max(1, superwordBits()));
        UInt addr = address(half, sw);
        for (int row = 0; row < mems.size(); row++) {
            for (int k = 0; k < c.banks(); k++) {
                Bool bank = bankBits == 0 ? Bool.TRUE : word.slice(bankBits - 1, 0).eq(k);
                Bool rowMatch = mems.size() == 1 ? Bool.TRUE : r.eq(row);
                mems.get(row).get(k).write(enable.and(rowMatch).and(bank), addr, codes);
            }
        }
    }

    /** Registered read of superword {@code sw} of half {@code half}: per row slot, the banks' codes (bank 0 low). */
    List<Bits> read(ModuleBuilder b, Bool enable, UInt half, UInt sw) {
        UInt addr = address(half, sw);
        List<Bits> out = new ArrayList<>();
        for (int row = 0; row < mems.size(); row++) {
            List<Bits> banks = new ArrayList<>();
            for (int k = 0; k < c.banks(); k++) {
                banks.add(mems.get(row).get(k).readSync(enable, addr, "rowbuf_q_r" + row + "_b" + k));
            }
            out.add(RtlOps.word(banks));
        }
        return out;
    }

    private UInt address(UInt half, UInt sw) {
        return superwordBits() == 0 ? half : half.shl(superwordBits()).or(sw.resize(superwordBits()).zext(superwordBits() + 1));
    }
}
