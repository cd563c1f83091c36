package dev.accelgen.pe.vector.act;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineModel;
import dev.accelgen.pe.vector.WriteDelay;
import dev.accelgen.pe.vector.arith.ActArith;
import dev.accelgen.pe.vector.seq.SeqPlan;
import dev.accelgen.pe.vector.seq.Tag;

/** Cycle model of {@link ActEngine}: a word read in cycle t is written in t+5. */
public final class ActModel extends VecEngineModel {
    private final WriteDelay out;
    private final int[] word;
    private VecInstr.ActFn fn = VecInstr.ActFn.RELU;

    public ActModel(VecEngineConfig cfg) {
        super(cfg);
        out = new WriteDelay(ActEngine.STAGES, cfg.lanes());
        word = new int[cfg.lanes()];
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VAct;
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
        if (valid) {
            for (int i = 0; i < word.length; i++) {
                word[i] = seq.laneValid(tag.w(), i) ? ActArith.apply(fn, data[i]) : 0;
            }
        }
        out.shift(valid, valid ? tag.dAddr() : 0, word);
    }

    @Override
    protected SeqPlan start(QueuedInstr instr) {
        VecInstr.VAct v = (VecInstr.VAct) instr;
        fn = v.fn();
        return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), 0, 0, val(v.d()), v.dStride(), false, 1,
                new int[] {0, 0, 0}, 0, 0, 0);
    }
}
