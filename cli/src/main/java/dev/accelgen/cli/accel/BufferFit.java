package dev.accelgen.cli.accel;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Slr;
import dev.accelgen.pe.accel.HwConfig;

/**
 * The accelerator's on-chip memories (ABUF, SBUF, both WBUF banks, instruction memory) in 36 Kb block RAMs against
 * the block RAM and UltraRAM (eight 36 Kb blocks' worth each) of the SLR the design goes to, times the budget.
 * Only memory bits are counted; logic (LUT, FF) and DSPs are not modelled here.
 */
record BufferFit(long bram36, long budget, boolean fits, String basis) {
    static final long BRAM36_BITS = 36 * 1024;
    /** Bits of one instruction. */
    static final int INSTR_BITS = 256;

    static BufferFit of(HwConfig hw, Board board, double budgetFraction) {
        long bits = (long) hw.abufWords() * hw.abufWordBits() + hw.sbufWords() * 32L + 2L * hw.wbufWords() * hw.wbufWordBits()
                + (long) hw.imemWords() * INSTR_BITS;
        long bram = (bits + BRAM36_BITS - 1) / BRAM36_BITS;
        Slr slr = board.slrs().get(0);
        long have = (long) Math.floor((slr.budget().bram36() + 8 * slr.budget().uram()) * budgetFraction);
        return new BufferFit(bram, have, bram <= have, "on-chip buffer bits / 36 Kb against " + slr.name()
                + "'s BRAM36 + 8 x URAM; LUT, FF and DSP are not modelled by estimate");
    }
}
