package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;

/**
 * The MoE weighted combine (VSCATTER): {@code d = sat32(d + roundShift(gate * a, 16))} per element, the product
 * exact and one saturation (unlike {@code add(d, mul(gate, a))}, which saturates the product first).
 */
public final class ScatterArith {
    private ScatterArith() {
    }

    public static int combine(int d, int gate, int a) {
        return EltwiseArith.sat32(d + Fixed.roundShift((long) gate * a, 16));
    }
}
