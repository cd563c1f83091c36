package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryUnit;
import java.util.List;

/** Ternary: the beat drives the unit ({@code w_i} 2-bit codes or {@code wb_j} base-3 bytes); {@code out} is the fragment. */
final class TernaryAttach implements UnitAttach {
    @Override
    public Fragment attach(ModuleBuilder b, MatrixEngineConfig c, IssueRtl.Beat beat) {
        TernaryConfig tc = ((MatrixUnitSpec.Ternary) c.spec()).config();
        Instance u = b.instance(new TernaryUnit(), tc, "unit");
        u.<Bool>port("in_valid").set(beat.valid());
        u.<Bool>port("in_last").set(beat.last());
        for (int i = 0; i < tc.lanes(); i++) {
            u.<Bits>port("a_" + i).set(beat.codes().get(0).get(i));
        }
        if (tc.packing() == Packing.TWO_BIT) {
            for (int i = 0; i < tc.lanes(); i++) {
                u.<Bits>port("w_" + i).set(MixPeAttach.field(beat.payload(), 2 * i, 2));
            }
        } else {
            for (int j = 0; j < tc.weightBytes(); j++) {
                u.<Bits>port("wb_" + j).set(MixPeAttach.field(beat.payload(), 8 * j, 8));
            }
        }
        return new Fragment(u.port("out_valid"), List.of(u.<Bits>port("out").asSInt()));
    }
}
