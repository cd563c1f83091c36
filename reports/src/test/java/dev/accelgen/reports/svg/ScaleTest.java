package dev.accelgen.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void linearScaleRoundsTheTopUpToANiceTick() {
        LinearScale s = LinearScale.fromZero(47_115, 100, 600);
        assertEquals(10_000, s.step());
        assertEquals(50_000, s.d1());
        assertEquals(List.of(0.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0, 50_000.0), s.ticks());
        assertEquals(100, s.map(0));
        assertEquals(600, s.map(50_000));
        assertEquals(350, s.map(25_000));
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, LinearScale.niceStep(0.2));
        assertEquals(0.5, LinearScale.niceStep(0.21));
        assertEquals(1.0, LinearScale.niceStep(0.6));
        assertEquals(2000.0, LinearScale.niceStep(1234));
    }

    @Test
    void aZeroMaximumStillGivesAnAxis() {
        assertEquals(1.0, LinearScale.fromZero(0, 0, 10).d1());
    }

    @Test
    void logScaleSpansWholeDecades() {
        LogScale s = LogScale.decades(3.2, 2457, 0, 300);
        assertEquals(0, s.lo());
        assertEquals(4, s.hi());
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), s.ticks());
        assertEquals(75, s.map(10), 1e-9);
        assertEquals(150, s.map(100), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> s.map(0));
        assertEquals(1, LogScale.decades(100, 100, 0, 1).hi() - LogScale.decades(100, 100, 0, 1).lo());
    }
}
