package dev.accelgen.pe.accel.rtl;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.HwConfigJson;
import java.util.HexFormat;

/** Module names of a configuration's blocks: {@code accel_<block>_<name>_<first 8 hex digits of the hw.json hash>}. */
public final class CoreNames {
    private CoreNames() {
    }

    public static String of(HwConfig c, String block) {
        return "accel_" + block + "_" + c.name() + "_" + HexFormat.of().formatHex(HwConfigJson.sha256(c)).substring(0, 8);
    }
}
