package dev.accelgen.pe.rmsnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rsqrt seed table is shared by the generator ({@link RsqrtTable}'s case table) and the golden model
 * ({@link RmsNormArith#rsqrt}), so a change to it passes {@code pe verify}. Reference: entry i is
 * round(2^16 / sqrt((i + 32.5) / 32)), the midpoint of mantissa interval [(32+i)/32, (33+i)/32); computed here
 * without floating point as the largest y with (2y - 1)^2 (2i + 65) <= 2^40, which is the same rounding.
 */
class RsqrtTableReferenceTest {
    private static int integerEntry(int i) {
        long d = 2L * i + 65;
        int y = 0;
        while ((2L * (y + 1) - 1) * (2L * (y + 1) - 1) * d <= 1L << 40) {
            y++;
        }
        return y;
    }

    @Test
    void everyEntryMatchesTheIntegerDerivation() {
        for (int i = 0; i < RmsNormArith.TABLE_SIZE; i++) {
            assertEquals(integerEntry(i), RmsNormArith.tableEntry(i), "entry " + i);
        }
    }

    @Test
    void handComputedEntries() {
        assertEquals(65030, RmsNormArith.tableEntry(0));   // 65536 / sqrt(32.5 / 32)
        assertEquals(46161, RmsNormArith.tableEntry(32));  // 65536 / sqrt(64.5 / 32)
        assertEquals(32832, RmsNormArith.tableEntry(95));  // 65536 / sqrt(127.5 / 32)
    }
}
