package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.systolic.SystolicArray;
import dev.accelgen.pe.systolic.SystolicConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Systolic array: beat k carries position k of the pass's R rows (a_r) and weight row k (b_c); column c's
 * drained results are delayed {@code C - 1 - c} cycles so that a row's columns meet: one row fragment every
 * other cycle, valid with column 0's (the columns drain in step).
 */
final class SystolicAttach implements UnitAttach {
    @Override
    public Fragment attach(ModuleBuilder b, MatrixEngineConfig c, IssueRtl.Beat beat) {
        SystolicConfig sc = ((MatrixUnitSpec.Systolic) c.spec()).config();
        Instance u = b.instance(new SystolicArray(), sc, "unit");
        u.<Bool>port("in_valid").set(beat.valid());
        u.<Bool>port("in_first").set(beat.first());
        u.<Bool>port("in_last").set(beat.last());
        for (int r = 0; r < sc.rows(); r++) {
            u.<Bits>port("a_" + r).set(beat.codes().get(r).get(0));
        }
        for (int col = 0; col < sc.cols(); col++) {
            u.<Bits>port("b_" + col).set(MixPeAttach.field(beat.payload(), col * sc.wBits(), sc.wBits()));
        }
        Bool valid = u.port("out_valid_0");
        for (int d = 0; d < sc.cols() - 1; d++) {
            valid = b.regNext("deskew_valid_" + d, valid, 0);
        }
        List<SInt> frag = new ArrayList<>();
        for (int col = 0; col < sc.cols(); col++) {
            Bits out = u.port("out_" + col);
            for (int d = 0; d < sc.cols() - 1 - col; d++) {
                Bits q = b.regNoReset("deskew_" + col + "_" + d, Bits.type(sc.accBits()));
                q.set(out);
                out = q;
            }
            frag.add(sc.signed() ? out.asSInt() : out.asUInt().toSInt());
        }
        return new Fragment(valid, frag);
    }
}
