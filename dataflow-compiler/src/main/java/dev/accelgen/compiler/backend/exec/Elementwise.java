package dev.accelgen.compiler.backend.exec;

import dev.accelgen.pe.accel.isa.VecInstr.BinOp;
import dev.accelgen.pe.vector.arith.EltwiseArith;

/** VBINARY on one row: {@link EltwiseArith} add, sub or mul element by element. */
final class Elementwise {
    private Elementwise() {
    }

    static int[] apply(BinOp op, int[] a, int[] b) {
        int[] y = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = switch (op) {
                case ADD -> EltwiseArith.add(a[i], b[i]);
                case SUB -> EltwiseArith.sub(a[i], b[i]);
                case MUL -> EltwiseArith.mul(a[i], b[i]);
            };
        }
        return y;
    }
}
