package dev.accelgen.boards.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a board is programmed: a Vivado block design around a processing system, or a Vitis RTL kernel on a platform. */
public enum Flow {
    VIVADO_BD("vivado_bd"), VITIS_KERNEL("vitis_kernel");

    private final String key;

    Flow(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Flow parse(String key) {
        for (Flow f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("flow = '" + key + "' is unknown, must be one of "
                + Arrays.stream(values()).map(Flow::key).collect(Collectors.joining(", ")));
    }
}
