package dev.accelgen.pe.vector.norm;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineModel;
import dev.accelgen.pe.vector.WriteDelay;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import dev.accelgen.pe.vector.arith.NormArith;
import dev.accelgen.pe.vector.seq.SeqPlan;
import dev.accelgen.pe.vector.seq.Tag;
import java.math.BigInteger;

/** Cycle model of {@link NormEngine} (VRMSNORM, VLAYERNORM). */
public final class NormModel extends VecEngineModel {
    private final WriteDelay out;
    private final int[] word;
    private final int[][] gainRow;
    private final int[][] biasRow;
    private boolean centered;
    private boolean hasGain;
    private boolean hasBias;
    private int len;
    private long eps;
    private long sx;
    private BigInteger sxx = BigInteger.ZERO;
    private NormArith.RowScale scale;

    public NormModel(VecEngineConfig cfg) {
        super(cfg);
        out = new WriteDelay(NormEngine.MAP_STAGES, cfg.lanes());
        word = new int[cfg.lanes()];
        gainRow = new int[1 << cfg.localAddrBits()][cfg.lanes()];
        biasRow = new int[1 << cfg.localAddrBits()][cfg.lanes()];
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VRmsNorm || i instanceof VecInstr.VLayerNorm;
    }

    @Override
    protected void driveWrites() {
        out.drive(ab);
    }

    @Override
    protected boolean pipelineBusy() {
        return out.busy();
    }

    @Override
    protected void step(boolean valid, Tag tag, int[] data, Tag issuing) {
        boolean map = valid && !tag.pro() && tag.pass() == 1;
        int lw = tag == null ? 0 : tag.w() & (gainRow.length - 1);
        if (valid && tag.pro()) {
            System.arraycopy(data, 0, tag.k() == 0 && hasGain ? gainRow[lw] : biasRow[lw], 0, data.length);
        } else if (valid && tag.pass() == 0) {
            long s = tag.first() ? 0 : sx;
            BigInteger ss = tag.first() ? BigInteger.ZERO : sxx;
            for (int i = 0; i < data.length; i++) {
                if (seq.laneValid(tag.w(), i)) {
                    s += data[i];
                    ss = ss.add(BigInteger.valueOf((long) data[i] * data[i]));
                }
            }
            sx = s;
            sxx = ss;
            if (tag.last()) {
                scale = NormArith.rowScale(sx, sxx, len, eps, centered);
            }
        } else if (map) {
            for (int i = 0; i < data.length; i++) {
                int v = NormArith.normalize(data[i], len, scale);
                if (hasGain) {
                    v = EltwiseArith.mul(v, gainRow[lw][i]);
                }
                if (hasBias) {
                    v = EltwiseArith.add(v, biasRow[lw][i]);
                }
                word[i] = seq.laneValid(tag.w(), i) ? v : 0;
            }
        }
        out.shift(map, map ? tag.dAddr() : 0, word);
    }

    @Override
    protected SeqPlan start(QueuedInstr instr) {
        int[] gaps = {NormEngine.REDUCE_GAP, 0, 0};
        if (instr instanceof VecInstr.VRmsNorm v) {
            centered = false;
            hasGain = v.hasGain();
            hasBias = false;
            len = v.len();
            eps = v.eps();
            return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), 0, 0, val(v.d()), v.dStride(), false,
                    2, gaps, hasGain ? 1 : 0, val(v.gain()), 0);
        }
        VecInstr.VLayerNorm v = (VecInstr.VLayerNorm) instr;
        centered = true;
        hasGain = v.hasGain();
        hasBias = v.hasBias();
        len = v.len();
        eps = v.eps();
        return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), 0, 0, val(v.d()), v.dStride(), false, 2,
                gaps, (hasGain ? 1 : 0) + (hasBias ? 1 : 0), hasGain ? val(v.gain()) : val(v.bias()), val(v.bias()));
    }
}
