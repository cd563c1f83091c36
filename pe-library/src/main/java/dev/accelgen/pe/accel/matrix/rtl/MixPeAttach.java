package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.MixPeTiles;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeUnit;
import java.util.ArrayList;
import java.util.List;

/** MixPE: the beat drives the unit's {@code in} stream; {@code out_valid} and {@code out_c} are the fragment. */
final class MixPeAttach implements UnitAttach {
    @Override
    public Fragment attach(ModuleBuilder b, MatrixEngineConfig c, IssueRtl.Beat beat) {
        MixPeConfig mc = ((dev.accelgen.pe.accel.MatrixUnitSpec.MixPe) c.spec()).config();
        MixPeTiles tiles = new MixPeTiles(mc);
        Instance u = b.instance(new MixPeUnit(), mc, "unit");
        u.<Bool>port("in_valid").set(beat.valid());
        u.<Bool>port("in_last").set(beat.last());
        for (int i = 0; i < mc.lanes(); i++) {
            u.<Bits>port("a_" + i).set(beat.codes().get(0).get(i));
        }
        for (int col = 0; col < mc.cols(); col++) {
            for (int i = 0; i < mc.lanes(); i++) {
                u.<Bits>port("w_" + col + "_" + i).set(field(beat.payload(), tiles.codeAt(col, i), mc.wBits()));
            }
            for (int g = 0; g < mc.groupsPerBeat(); g++) {
                u.<Bits>port("scale_" + col + "_" + g).set(field(beat.payload(), tiles.scaleAt(col, g), MixPeArith.SCALE_BITS));
                u.<Bits>port("zp_" + col + "_" + g).set(field(beat.payload(), tiles.zpAt(col, g), mc.wBits()));
            }
        }
        List<SInt> out = new ArrayList<>();
        for (int col = 0; col < mc.cols(); col++) {
            out.add(u.<Bits>port("out_" + col).asSInt());
        }
        return new Fragment(u.port("out_valid"), out);
    }

    static Bits field(Bits payload, int offset, int width) {
        return payload.slice(offset + width - 1, offset);
    }
}
