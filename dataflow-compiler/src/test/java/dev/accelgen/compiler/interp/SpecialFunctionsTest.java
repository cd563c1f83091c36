package dev.accelgen.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {
    @Test
    void erfMatchesPublishedValues() {
        // Abramowitz and Stegun, table 7.1 (to 16 digits)
        assertEquals(0.5204998778130465, SpecialFunctions.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, SpecialFunctions.erf(1), 1e-15);
        assertEquals(0.9953222650189527, SpecialFunctions.erf(2), 1e-15);
        assertEquals(0.9999779095030014, SpecialFunctions.erf(3), 1e-15);
        assertEquals(-0.1124629160182849, SpecialFunctions.erf(-0.1), 1e-15);
        assertEquals(1.0, SpecialFunctions.erf(6.5));
        assertEquals(0.0, SpecialFunctions.erf(0.0));
        assertTrue(Double.isNaN(SpecialFunctions.erf(Double.NaN)));
    }

    @Test
    void tableTaylorFormAgreesWithTheSeriesEverywhere() {
        // the series loses digits to cancellation towards |x| = 3 (about 1e-13 there), the table form does not
        double near = 0;
        double far = 0;
        for (int i = -70000; i <= 70000; i++) {
            double x = i / 10000.0 + 1.234e-6;
            double diff = Math.abs(SpecialFunctions.erf(x) - SpecialFunctions.erfReference(x));
            if (Math.abs(x) < 2.5) {
                near = Math.max(near, diff);
            } else {
                far = Math.max(far, diff);
            }
        }
        assertTrue(near < 2e-14, "largest difference below 2.5: " + near);
        assertTrue(far < 1e-13, "largest difference from 2.5: " + far);
    }
}
