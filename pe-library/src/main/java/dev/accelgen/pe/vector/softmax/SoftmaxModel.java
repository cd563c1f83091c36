package dev.accelgen.pe.vector.softmax;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineModel;
import dev.accelgen.pe.vector.WriteDelay;
import dev.accelgen.pe.vector.arith.RecipArith;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import dev.accelgen.pe.vector.seq.SeqPlan;
import dev.accelgen.pe.vector.seq.Tag;

/** Cycle model of {@link SoftmaxEngine}: max pass, exp-and-sum pass, exp-and-scale pass; a scale-pass word is written 5 cycles after its x stage. */
public final class SoftmaxModel extends VecEngineModel {
    private final WriteDelay out;
    private final int[] word;
    private int max;
    private long sum;
    private RecipArith.Result recip;

    public SoftmaxModel(VecEngineConfig cfg) {
        super(cfg);
        out = new WriteDelay(SoftmaxEngine.SCALE_STAGES, cfg.lanes());
        word = new int[cfg.lanes()];
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VSoftmax;
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
        boolean scale = valid && tag.pass() == 2;
        if (valid && tag.pass() == 0) {
            int m = tag.first() ? Integer.MIN_VALUE : max;
            for (int i = 0; i < data.length; i++) {
                if (seq.laneValid(tag.w(), i)) {
                    m = Math.max(m, data[i]);
                }
            }
            max = m;
        } else if (valid && tag.pass() == 1) {
            long s = tag.first() ? 0 : sum;
            for (int i = 0; i < data.length; i++) {
                if (seq.laneValid(tag.w(), i)) {
                    s += SoftmaxArith.expShifted(data[i], max);
                }
            }
            sum = s;
            if (tag.last()) {
                recip = RecipArith.recip(Math.max(sum, 1));
            }
        } else if (scale) {
            for (int i = 0; i < data.length; i++) {
                word[i] = seq.laneValid(tag.w(), i) ? SoftmaxArith.scale(SoftmaxArith.expShifted(data[i], max), recip) : 0;
            }
        }
        out.shift(scale, scale ? tag.dAddr() : 0, word);
    }

    @Override
    protected SeqPlan start(QueuedInstr instr) {
        VecInstr.VSoftmax v = (VecInstr.VSoftmax) instr;
        return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), 0, 0, val(v.d()), v.dStride(), false, 3,
                new int[] {SoftmaxEngine.MAX_GAP, SoftmaxEngine.SUM_GAP, 0}, 0, 0, 0);
    }
}
