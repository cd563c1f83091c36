package dev.accelgen.pe.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FixedTest {
    @Test
    void roundShiftRoundsHalfTowardPlusInfinity() {
        assertEquals(2, Fixed.roundShift(6, 2));   // 1.5 -> 2
        assertEquals(-1, Fixed.roundShift(-6, 2)); // -1.5 -> -1
        assertEquals(-2, Fixed.roundShift(-7, 2)); // -1.75 -> -2
        assertEquals(1, Fixed.roundShift(5, 2));   // 1.25 -> 1
        assertEquals(-7, Fixed.roundShift(-7, 0));
    }

    @Test
    void wrapKeepsLowBitsAsTwosComplement() {
        assertEquals(-128, Fixed.wrap(128, 8));
        assertEquals(127, Fixed.wrap(-129, 8));
        assertEquals(-1, Fixed.wrap(0xffffffffffffL, 48));
    }

    @Test
    void saturateClampsToSignedRange() {
        assertEquals(32767, Fixed.saturate(40000, 16));
        assertEquals(-32768, Fixed.saturate(-40000, 16));
        assertEquals(-5, Fixed.saturate(-5, 16));
    }

    @Test
    void badShiftIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixed.roundShift(1, -1));
        assertEquals("shift must be in 0..62, got -1", e.getMessage());
    }
}
