package dev.accelgen.pe.vector.harness;

import java.util.Random;

/**
 * Random Fx values for engine tests: mostly activations of moderate size (|x| below 2^e for a random e in
 * 0..8), with zeros, tiny values and the extremes of the 32-bit range mixed in.
 */
public final class FxRandom {
    private FxRandom() {
    }

    public static int value(Random rng) {
        return switch (rng.nextInt(16)) {
            case 0 -> 0;
            case 1 -> rng.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            case 2 -> rng.nextInt();
            case 3 -> rng.nextInt(65) - 32;
            default -> {
                int bits = 16 + rng.nextInt(9);
                yield (int) (rng.nextLong() >> (64 - bits));
            }
        };
    }

    public static int[] word(Random rng, int lanes) {
        int[] w = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            w[i] = value(rng);
        }
        return w;
    }
}
