package dev.accelgen.pe.vector.rowscale;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineModel;
import dev.accelgen.pe.vector.arith.RowScaleArith;
import dev.accelgen.pe.vector.seq.SeqPlan;
import dev.accelgen.pe.vector.seq.Tag;

/**
 * Cycle model of {@link RowScaleEngine}: row m's q is written to SBUF {@code sbuf + 2m} 8 cycles after the cycle
 * its last word's data arrives, M to {@code sbuf + 2m + 1} the cycle after.
 */
public final class RowScaleModel extends VecEngineModel {
    private static final int Q_STAGE = RowScaleEngine.Q_STAGE;
    private final boolean[] valid = new boolean[Q_STAGE + 2];
    private final int[] addr = new int[Q_STAGE + 2];
    private final int[] q = new int[Q_STAGE + 2];
    private final int[] m = new int[Q_STAGE + 2];
    private final int sbMask;
    private long gamma;
    private int nextAddr;
    private long betaMant;
    private int betaShift;

    public RowScaleModel(VecEngineConfig cfg) {
        super(cfg);
        sbMask = (1 << cfg.sbufAddrBits()) - 1;
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VRowScale;
    }

    @Override
    protected void driveWrites() {
        if (valid[Q_STAGE]) {
            sb.wrEn = true;
            sb.wrAddr = addr[Q_STAGE];
            sb.wrData = q[Q_STAGE];
        } else if (valid[Q_STAGE + 1]) {
            sb.wrEn = true;
            sb.wrAddr = (addr[Q_STAGE + 1] + 1) & sbMask;
            sb.wrData = m[Q_STAGE + 1];
        }
    }

    @Override
    protected boolean pipelineBusy() {
        for (boolean v : valid) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void step(boolean v, Tag tag, int[] data, Tag issuing) {
        for (int i = valid.length - 1; i > 0; i--) {
            valid[i] = valid[i - 1];
            addr[i] = addr[i - 1];
            q[i] = q[i - 1];
            m[i] = m[i - 1];
        }
        valid[0] = false;
        if (!v) {
            return;
        }
        long g = tag.first() ? 0 : gamma;
        for (int i = 0; i < data.length; i++) {
            if (seq.laneValid(tag.w(), i)) {
                g = Math.max(g, Math.abs((long) data[i]));
            }
        }
        gamma = g;
        if (tag.last()) {
            valid[0] = true;
            addr[0] = nextAddr;
            q[0] = RowScaleArith.q(g);
            m[0] = RowScaleArith.m(g, betaMant, betaShift);
            nextAddr = (nextAddr + 2) & sbMask;
        }
    }

    @Override
    protected SeqPlan start(QueuedInstr instr) {
        VecInstr.VRowScale v = (VecInstr.VRowScale) instr;
        nextAddr = val(v.sbuf()) & sbMask;
        betaMant = v.betaMant();
        betaShift = v.betaShift();
        return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), 0, 0, 0, 0, false, 1,
                new int[] {RowScaleEngine.ROW_GAP, 0, 0}, 0, 0, 0);
    }
}
