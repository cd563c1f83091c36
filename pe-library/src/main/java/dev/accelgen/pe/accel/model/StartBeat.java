package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.isa.Registers;

/**
 * One beat of the core's {@code start} stream: the run's r1..r7, presented {@code idleBefore} cycles after the
 * previous beat was accepted (after reset for the first).
 */
public record StartBeat(int idleBefore, int[] regs) {
    public StartBeat {
        if (idleBefore < 0) {
            throw new IllegalArgumentException("idleBefore must be >= 0, got " + idleBefore);
        }
        if (regs.length != Registers.RUN_PARAMS) {
            throw new IllegalArgumentException("a start beat sets r1..r" + Registers.RUN_PARAMS + ", got " + regs.length + " values");
        }
        regs = regs.clone();
    }

    @Override
    public int[] regs() {
        return regs.clone();
    }

    /** A beat with r1..r7 given (missing ones 0) and no idle cycles. */
    public static StartBeat of(int... r) {
        int[] regs = new int[Registers.RUN_PARAMS];
        System.arraycopy(r, 0, regs, 0, Math.min(r.length, regs.length));
        return new StartBeat(0, regs);
    }
}
