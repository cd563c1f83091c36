package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.isa.Opnd;
import java.util.Arrays;
import java.util.Random;

/**
 * Operands for the fuzzer: an address either as an immediate or through a register whose value is known
 * here (r1 from the start beats, registers set by LI); inside a loop also through the loop's offset registers
 * r9 (bytes, stepping by {@code byteStep}) and r10 (words, stepping by {@code wordStep}), with the base chosen
 * so that every trip stays in range.
 */
final class FuzzOperands {
    static final int BYTE_REG = 9;
    static final int WORD_REG = 10;
    private final Long[] known = new Long[16];
    private final Random rng;
    private boolean inLoop;
    private long byteStep;
    private int wordStep;

    FuzzOperands(Random rng, long r1) {
        this.rng = rng;
        known[0] = 0L;
        known[1] = r1;
    }

    void set(int reg, Long value) {
        if (reg != 0) {
            known[reg] = value;
        }
    }

    void enterLoop(long byteStep, int wordStep) {
        inLoop = true;
        this.byteStep = byteStep;
        this.wordStep = wordStep;
        known[BYTE_REG] = null;
        known[WORD_REG] = null;
        known[8] = null;
    }

    void leaveLoop() {
        inLoop = false;
    }

    /** Extra room a loop-relative word operand needs beyond its base. */
    int wordSlack() {
        return inLoop ? (FuzzLayout.MAX_TRIPS - 1) * wordStep : 0;
    }

    long byteSlack() {
        return inLoop ? (FuzzLayout.MAX_TRIPS - 1) * byteStep : 0;
    }

    /** An ABUF/SBUF/WBUF word address operand for {@code base} (loop-relative when the base left room for it). */
    Opnd words(long base, boolean loopRoom) {
        if (inLoop && loopRoom && rng.nextBoolean()) {
            return new Opnd(WORD_REG, base);
        }
        return plain(base, 20);
    }

    Opnd bytes(long base, boolean loopRoom) {
        if (inLoop && loopRoom && rng.nextBoolean()) {
            return new Opnd(BYTE_REG, base);
        }
        return plain(base, 32);
    }

    /** {@code value} as {@code rK + imm} through a known register, or as an immediate. */
    Opnd plain(long value, int immBits) {
        if (rng.nextInt(3) == 0) {
            int[] regs = Arrays.stream(new int[] {1, 11, 12, 13, 14, 15}).filter(r -> known[r] != null
                    && known[r] <= value && value - known[r] < 1L << immBits).toArray();
            if (regs.length > 0) {
                int r = regs[rng.nextInt(regs.length)];
                return new Opnd(r, value - known[r]);
            }
        }
        return Opnd.imm(value);
    }
}
