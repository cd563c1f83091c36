package dev.accelgen.pe.mlgru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MlgruArithTest {
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void sigmoidSegments() {
        assertEquals(2048, MlgruArith.sigmoid(0));
        assertEquals(4096, MlgruArith.sigmoid(5 * 4096));
        assertEquals(0, MlgruArith.sigmoid(-32768));
        assertEquals((4096 >> 3) + 2560, MlgruArith.sigmoid(4096));
        assertEquals(4096 - ((4096 >> 3) + 2560), MlgruArith.sigmoid(-4096));
    }

    @Test
    void sigmoidAndSiluErrorOverEveryInput() {
        double maxSig = 0;
        double maxSilu = 0;
        for (int x = -32768; x < 32768; x++) {
            double xr = MlgruArith.fromQ(x);
            maxSig = Math.max(maxSig, Math.abs(MlgruArith.fromQ(MlgruArith.sigmoid(x)) - sigmoid(xr)));
            maxSilu = Math.max(maxSilu, Math.abs(MlgruArith.fromQ(MlgruArith.silu(x)) - xr * sigmoid(xr)));
        }
        System.out.printf("sigmoid max abs err %.5f, silu max abs err %.5f%n", maxSig, maxSilu);
        assertTrue(maxSig <= 0.0190, "sigmoid " + maxSig);
        assertTrue(maxSilu <= 0.0630, "silu " + maxSilu);
    }

    @Test
    void stepIsAConvexMixOfStateAndCandidate() {
        // f = sigmoid(8) saturates to 1: the state is kept exactly
        assertEquals(1234, MlgruArith.step(32767, 100, 0, 1234).h());
        // f = sigmoid(-8) = 0: the state becomes silu(cPre)
        assertEquals(MlgruArith.silu(-3000), MlgruArith.step(-32768, -3000, 0, 1234).h());
    }

    @Test
    void stepMatchesFloatWithTheSameGates() {
        long seed = 5;
        System.out.println("seed=" + seed);
        Random rng = new Random(seed);
        for (int i = 0; i < 20000; i++) {
            int fp = rng.nextInt(65536) - 32768;
            int cp = rng.nextInt(65536) - 32768;
            int gp = rng.nextInt(65536) - 32768;
            int hp = rng.nextInt(65536) - 32768;
            MlgruArith.Step s = MlgruArith.step(fp, cp, gp, hp);
            double f = MlgruArith.fromQ(MlgruArith.sigmoid(fp));
            double g = MlgruArith.fromQ(MlgruArith.sigmoid(gp));
            double c = MlgruArith.fromQ(MlgruArith.silu(cp));
            double h = f * MlgruArith.fromQ(hp) + (1 - f) * c;
            // only the two roundings of the datapath remain
            assertTrue(Math.abs(MlgruArith.fromQ(s.h()) - h) <= 0.5 / 4096 + 1e-12);
            assertTrue(Math.abs(MlgruArith.fromQ(s.o()) - g * MlgruArith.fromQ(s.h())) <= 0.5 / 4096 + 1e-12);
        }
    }
}
