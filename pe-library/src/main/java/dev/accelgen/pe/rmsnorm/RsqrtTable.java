package dev.accelgen.pe.rmsnorm;

import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/** The 96-entry rsqrt seed of {@link RmsNormArith} as a case table indexed by t[31:25] (32..127). */
final class RsqrtTable {
    private RsqrtTable() {
    }

    static UInt lookup(ModuleBuilder b, String name, UInt top7) {
        UInt out = b.wire(name, UInt.lit(0, 16));
        var sw = b.switchOn(top7);
        for (int idx = 0; idx < RmsNormArith.TABLE_SIZE; idx++) {
            int value = RmsNormArith.tableEntry(idx);
            sw = sw.is(idx + 32, () -> out.set(UInt.lit(value, 16)));
        }
        return out;
    }
}
