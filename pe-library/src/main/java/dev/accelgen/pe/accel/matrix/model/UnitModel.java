package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.MatrixUnitSpec;

/**
 * The unit side of a matrix engine's cycle model: steps the unit's own cycle model with the engine's registered
 * beat and returns the row fragment (the column block's results of one row, as signed or unsigned integers per
 * the unit's signedness) the output stage sees in this cycle, at most one per cycle, rows of a pass in
 * order. Each kind mirrors its RTL attachment cycle for cycle.
 */
sealed interface UnitModel permits MixPeModel, TernaryModel, DspModel, SystolicModel, TimingModel {
    /**
     * One clock cycle: {@code beat} is the engine's beat register (null: no beat), {@code nextSparse} the sparse
     * flag of the beat after it (a DSP chain's mode register is written one cycle ahead).
     */
    long[] step(IssueStage.Beat beat, boolean nextSparse);

    static UnitModel of(MatrixUnitSpec spec) {
        if (spec instanceof MatrixUnitSpec.MixPe m) {
            return new MixPeModel(m.config());
        }
        if (spec instanceof MatrixUnitSpec.Ternary t) {
            return new TernaryModel(t.config());
        }
        if (spec instanceof MatrixUnitSpec.DspChain d) {
            return new DspModel(d.config());
        }
        return new SystolicModel(((MatrixUnitSpec.Systolic) spec).config());
    }
}
