package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/**
 * What a queue's engine side tells the controller in RTL (cycle model: {@code EngineStatus}): inputs
 * {@code <prefix>_busy}, {@code _done}, {@code _push_prev}, {@code _push_next} (token counts) and {@code _error}.
 */
record EngineIn(Bool busy, Bool done, UInt pushPrev, UInt pushNext, Bool error) {
    static EngineIn declare(ModuleBuilder b, String prefix) {
        return new EngineIn(b.input(prefix + "_busy", Bool.type()), b.input(prefix + "_done", Bool.type()),
                b.input(prefix + "_push_prev", UInt.type(ControllerRtl.PUSH_COUNT_BITS)),
                b.input(prefix + "_push_next", UInt.type(ControllerRtl.PUSH_COUNT_BITS)),
                b.input(prefix + "_error", Bool.type()));
    }
}
