package dev.accelgen.pe.vector.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Fx MLGRU step: gate limits by hand and a recurrence against double precision. */
class MlgruFxArithTest {
    private static final long SEED = Long.getLong("accelgen.seed", 9);
    private static final int ONE = 65536;

    @Test
    void gateLimitsByHand() {
        // sigmoid(100) = 1.0 exactly: h keeps hPrev, o = h
        assertEquals(new MlgruFxArith.Step(-3 * ONE, -3 * ONE), MlgruFxArith.step(100 * ONE, 5 * ONE, 100 * ONE, -3 * ONE));
        // sigmoid(-100) = 0: h = silu(c) (silu(100) = 100 past the table), o = 0
        assertEquals(new MlgruFxArith.Step(100 * ONE, 0), MlgruFxArith.step(-100 * ONE, 100 * ONE, -100 * ONE, 7));
        // f = 0.5 exactly (sigmoid(0)), c = silu(0) = 0: h = roundShift(hPrev / 2) half up, g = 0.5: o = h / 2
        assertEquals(new MlgruFxArith.Step(2, 1), MlgruFxArith.step(0, 0, 0, 3));
        assertEquals(new MlgruFxArith.Step(-1, 0), MlgruFxArith.step(0, 0, 0, -3));
        // the mix keeps extreme states without wrapping
        assertEquals(Integer.MAX_VALUE, MlgruFxArith.mix(ONE, Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(Integer.MIN_VALUE, MlgruFxArith.mix(0, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void recurrenceMatchesDoublePrecision() {
        Random rng = new Random(SEED);
        double worst = 0;
        for (int trial = 0; trial < 400; trial++) {
            double scale = Math.pow(2, rng.nextInt(5) - 1);
            int hq = 0;
            double hd = 0;
            for (int token = 0; token < 64; token++) {
                int f = EltwiseArith.toFx(rng.nextGaussian() * scale);
                int c = EltwiseArith.toFx(rng.nextGaussian() * scale);
                int g = EltwiseArith.toFx(rng.nextGaussian() * scale);
                MlgruFxArith.Step s = MlgruFxArith.step(f, c, g, hq);
                hq = s.h();
                double sf = sig(f / (double) ONE);
                double cv = c / (double) ONE * sig(c / (double) ONE);
                hd = sf * hd + (1 - sf) * cv;
                double o = sig(g / (double) ONE) * hd;
                double err = Math.max(Math.abs(hq / (double) ONE - hd), Math.abs(s.o() / (double) ONE - o));
                worst = Math.max(worst, err / scale);
            }
        }
        System.out.printf("mlgru max abs error over 64-token recurrences, relative to the inputs' scale %.3g%n", worst);
        assertTrue(worst < 2e-4, "mlgru " + worst);
    }

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
