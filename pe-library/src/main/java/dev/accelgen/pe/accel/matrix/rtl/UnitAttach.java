package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import java.util.List;

/**
 * The unit side of a matrix engine's RTL ({@code UnitModel} in the model): instantiates the pe-library unit
 * behind the beat register and returns the row fragment the output stage sees in a cycle (a column block of
 * one row as signed values, unsigned sums zero-extended), at most one per cycle, the rows of a pass in order.
 */
sealed interface UnitAttach permits MixPeAttach, TernaryAttach, DspAttach, SystolicAttach {
    record Fragment(Bool valid, List<SInt> values) {
    }

    Fragment attach(ModuleBuilder b, MatrixEngineConfig c, IssueRtl.Beat beat);

    static UnitAttach of(MatrixUnitSpec spec) {
        if (spec instanceof MatrixUnitSpec.MixPe) {
            return new MixPeAttach();
        }
        if (spec instanceof MatrixUnitSpec.Ternary) {
            return new TernaryAttach();
        }
        if (spec instanceof MatrixUnitSpec.DspChain) {
            return new DspAttach();
        }
        return new SystolicAttach();
    }
}
