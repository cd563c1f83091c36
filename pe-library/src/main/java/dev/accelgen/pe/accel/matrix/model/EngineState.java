package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;

/**
 * The state the engine's stages share, mirroring the RTL's shared registers and memories: the three instruction
 * slots (taken in rotation), the row buffer (per row slot and bank, two halves), the column-parameter buffers (M
 * and bias, one part per instruction slot), which halves are taken or hold a loaded pass, which slots hold an
 * instruction.
 */
final class EngineState {
    /** Instructions in flight: one draining, one issuing, one fetching. */
    static final int SLOTS = 3;

    final MatrixEngineConfig cfg;
    /** No data: gather takes the MM's {@code rows} as its count and row m as its m-th token. */
    final boolean timingOnly;
    final MmContext[] slots = new MmContext[SLOTS];
    /** {@code rb[row slot][bank][address][lane]}: codes; address = half * halfDepth + superword. */
    final int[][][][] rb;
    /** {@code paramM[slot * paramHalfDepth + word][lane]}, likewise {@code paramB}. */
    final int[][] paramM;
    final int[][] paramB;
    /** A half holds a whole pass (the issue stage may read it) / is taken by a pass (loading or loaded). */
    boolean[] full = new boolean[2];
    boolean[] claimed = new boolean[2];
    boolean[] inUse = new boolean[SLOTS];
    long cycle;

    EngineState(MatrixEngineConfig cfg, boolean timingOnly) {
        this.cfg = cfg;
        this.timingOnly = timingOnly;
        int v = cfg.lanes();
        rb = new int[cfg.shape().rowsPerPass()][cfg.banks()][2 * cfg.halfDepth()][v];
        paramM = new int[SLOTS * cfg.paramHalfDepth()][v];
        paramB = new int[SLOTS * cfg.paramHalfDepth()][v];
    }

    static int nextSlot(int s) {
        return s == SLOTS - 1 ? 0 : s + 1;
    }

    /** Whether an instruction other than slot {@code s}'s is in flight. */
    boolean othersInUse(int s) {
        return inUse[nextSlot(s)] || inUse[nextSlot(nextSlot(s))];
    }

    int abufMask() {
        return (1 << cfg.abufAddrBits()) - 1;
    }

    int sbufMask() {
        return (1 << cfg.sbufAddrBits()) - 1;
    }
}
