package dev.accelgen.pe.mlgru;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The PLAN breakpoints and offsets ({@link MlgruArith#BP_SAT} ...) are shared by the generator's sigmoid and the
 * golden model, so a change to them passes {@code pe verify}. Reference: PLAN as published (Amin, Curtis and
 * Hayes-Gill, 1997), y(|x|) = 1 for |x| >= 5, 0.03125|x| + 0.84375 for 2.375 <= |x| < 5, 0.125|x| + 0.625 for
 * 1 <= |x| < 2.375, 0.25|x| + 0.5 below, y(-x) = 1 - y(x); written here in real numbers and taken to Q3.12 by
 * flooring (the shifts drop bits), for every 16-bit input.
 */
class PlanSigmoidReferenceTest {
    private static int plan(int raw) {
        double ax = Math.abs(raw) / 4096.0;
        double y = ax >= 5 ? 1 : ax >= 2.375 ? 0.03125 * ax + 0.84375 : ax >= 1 ? 0.125 * ax + 0.625 : 0.25 * ax + 0.5;
        int q = (int) Math.floor(y * 4096);
        return raw < 0 ? 4096 - q : q;
    }

    @Test
    void everyInputMatchesThePublishedSegments() {
        for (int x = -32768; x < 32768; x++) {
            assertEquals(plan(x), MlgruArith.sigmoid(x), "x = " + x);
        }
    }

    @Test
    void handComputedBreakpoints() {
        assertEquals(2048, MlgruArith.sigmoid(0));       // 0.5
        assertEquals(3071, MlgruArith.sigmoid(4095));    // just below 1: 4095/4 + 2048
        assertEquals(3072, MlgruArith.sigmoid(4096));    // 1: 0.125 + 0.625 = 0.75
        assertEquals(3775, MlgruArith.sigmoid(9727));    // just below 2.375: 9727/8 + 2560
        assertEquals(3760, MlgruArith.sigmoid(9728));    // 2.375: 9728/32 + 3456 (PLAN steps down here)
        assertEquals(4095, MlgruArith.sigmoid(20479));   // just below 5
        assertEquals(4096, MlgruArith.sigmoid(20480));   // 5: saturated
        assertEquals(1024, MlgruArith.sigmoid(-4096));   // 1 - 0.75
        assertEquals(336, MlgruArith.sigmoid(-9728));
        assertEquals(0, MlgruArith.sigmoid(-32768));
    }
}
