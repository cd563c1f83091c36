package dev.accelgen.pe.accel.buf;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;

/** The sticky out-of-range register of a buffer: cleared by {@code clear_errors}, set by any bad access. */
final class OutOfRangeFlag {
    private OutOfRangeFlag() {
    }

    static void build(ModuleBuilder b, Bool clear, Bool bad) {
        Bool flag = b.reg("out_of_range_q", Bool.type(), 0);
        b.when(clear, () -> flag.set(Bool.FALSE));
        b.when(bad, () -> flag.set(Bool.TRUE));
        b.<Bool>output("out_of_range", Bool.type()).set(flag);
    }
}
