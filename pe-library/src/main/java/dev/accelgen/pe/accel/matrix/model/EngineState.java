package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;

/**
 * The state the engine's stages share, mirroring the RTL's shared registers and memories: the two instruction
 * slots, the row buffer (per row slot and bank, two halves), the column-parameter buffers (M and bias, one half
 * per instruction slot), which halves hold a loaded pass and which slots hold an instruction.
 */
final class EngineState {
    final MatrixEngineConfig cfg;
    final MmContext[] slots = new MmContext[2];
    /** {@code rb[row slot][bank][address][lane]}: codes; address = half * halfDepth + superword. */
    final int[][][][] rb;
    /** {@code paramM[slot * paramHalfDepth + word][lane]}, likewise {@code paramB}. */
    final int[][] paramM;
    final int[][] paramB;
    boolean[] full = new boolean[2];
    boolean[] inUse = new boolean[2];
    long cycle;

    EngineState(MatrixEngineConfig cfg) {
        this.cfg = cfg;
        int v = cfg.lanes();
        rb = new int[cfg.shape().rowsPerPass()][cfg.banks()][2 * cfg.halfDepth()][v];
        paramM = new int[2 * cfg.paramHalfDepth()][v];
        paramB = new int[2 * cfg.paramHalfDepth()][v];
    }

    int abufMask() {
        return (1 << cfg.abufAddrBits()) - 1;
    }

    int sbufMask() {
        return (1 << cfg.sbufAddrBits()) - 1;
    }
}
