package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.HwType;

/** A typed hardware type: the IR type plus the Java class values of this type are wrapped in. */
public final class Type<T extends Val> {
    private final HwType hw;

    Type(HwType hw) {
        this.hw = hw;
    }

    public HwType hw() {
        return hw;
    }

    public int width() {
        return hw.width();
    }

    @Override
    public String toString() {
        return hw.toString();
    }
}
