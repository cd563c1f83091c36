package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.HwConfigJson;
import java.util.HexFormat;

/**
 * What decides the core's RTL: the hardware configuration, and {@code observe}, which adds output streams of
 * every buffer write ({@code abuf_wr}, {@code sbuf_wr}, {@code wbuf_wr}) so that verification names the first
 * wrong buffer word (the logic is otherwise identical).
 */
public record CoreConfig(HwConfig hw, boolean observe) {
    /** {@code accel_core_<name>_<first 8 hex digits of the hw.json hash>}, {@code _obs} when observed. */
    public String moduleName() {
        return "accel_core_" + hw.name() + "_" + HexFormat.of().formatHex(HwConfigJson.sha256(hw)).substring(0, 8)
                + (observe ? "_obs" : "");
    }
}
