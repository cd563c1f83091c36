package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Tensor;

/** Test access to the package-private fixed-point MLGRU. */
public final class QuantizedInterpreterAccess {
    private QuantizedInterpreterAccess() {
    }

    public static Tensor mlgruFixed(Tensor f, Tensor c, Tensor g) {
        return QuantizedInterpreter.mlgruFixed(f, c, g);
    }
}
