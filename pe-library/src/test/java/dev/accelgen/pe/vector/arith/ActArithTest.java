package dev.accelgen.pe.vector.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import org.junit.jupiter.api.Test;

/** Activation tables against double-precision references over a dense grid; measured bounds printed. */
class ActArithTest {
    /** Max abs error (in value units) over x in [-24, 24) in steps of 2^-10. */
    private static double maxAbsError(ActFn f) {
        double worst = 0;
        for (long raw = -24L * 65536; raw < 24L * 65536; raw += 64) {
            worst = Math.max(worst, Math.abs(ActArith.apply(f, (int) raw) / 65536.0 - ref(f, raw / 65536.0)));
        }
        return worst;
    }

    private static double ref(ActFn f, double x) {
        return switch (f) {
            case GELU -> 0.5 * x * (1 + RefErf.erf(x / Math.sqrt(2)));
            case SILU -> x / (1 + Math.exp(-x));
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            case EXP -> Math.exp(x);
            case RELU -> Math.max(x, 0);
        };
    }

    @Test
    void tabledFunctionsStayWithinTheirBounds() {
        double[] bound = {4.5e-5, 8e-5, 3e-5, 4.5e-5};
        for (int i = 0; i < ActArith.TABLED.length; i++) {
            ActFn f = ActArith.TABLED[i];
            double e = maxAbsError(f);
            System.out.printf("%s max abs error %.3g%n", f, e);
            assertTrue(e < bound[i], f + " error " + e);
        }
    }

    @Test
    void expHasSmallRelativeErrorAndDocumentedLimits() {
        double worstRel = 0;
        for (long raw = -11L * 65536; raw < (long) (10.3 * 65536); raw += 7) {
            double x = raw / 65536.0;
            double want = Math.exp(x);
            double got = ExpArith.exp((int) raw) / 65536.0;
            worstRel = Math.max(worstRel, Math.abs(got - want) / Math.max(want, 1));
            assertTrue(Math.abs(got - want) <= want * 2e-5 + 1.0 / 65536, "exp(" + x + ") = " + got);
        }
        System.out.printf("EXP max error relative to max(exp(x), 1) %.3g%n", worstRel);
        assertEquals(65536, ExpArith.exp(0));
        assertEquals(Integer.MAX_VALUE, ExpArith.exp(11 * 65536));
        assertEquals(Integer.MAX_VALUE, ExpArith.exp(Integer.MAX_VALUE));
        assertEquals(0, ExpArith.exp(-12 * 65536));
        assertEquals(0, ExpArith.exp(Integer.MIN_VALUE));
    }

    @Test
    void limitsAndSymmetryOnHandPickedInputs() {
        assertEquals(0, ActArith.apply(ActFn.RELU, -5));
        assertEquals(7, ActArith.apply(ActFn.RELU, 7));
        assertEquals(32768, ActArith.apply(ActFn.SIGMOID, 0));
        assertEquals(0, ActArith.apply(ActFn.TANH, 0));
        assertEquals(0, ActArith.apply(ActFn.GELU, 0));
        assertEquals(65536, ActArith.apply(ActFn.SIGMOID, Integer.MAX_VALUE));
        assertEquals(0, ActArith.apply(ActFn.SIGMOID, Integer.MIN_VALUE));
        assertEquals(-65536, ActArith.apply(ActFn.TANH, Integer.MIN_VALUE));
        assertEquals(Integer.MAX_VALUE, ActArith.apply(ActFn.GELU, Integer.MAX_VALUE));
        assertEquals(0, ActArith.apply(ActFn.SILU, Integer.MIN_VALUE));
        assertEquals(100 * 65536, ActArith.apply(ActFn.SILU, 100 * 65536));
        for (ActFn f : ActArith.TABLED) {
            for (int k = 0; k < ActArith.SEGMENTS; k++) {
                assertTrue(ActArith.delta(f, k) >= 0 && ActArith.delta(f, k) < 4096, f + " slope " + k);
                assertTrue(ActArith.y(f, k) >= 0 && ActArith.y(f, k) < 1 << 21, f + " entry " + k);
            }
        }
    }
}
