package dev.accelgen.compiler.backend.layout;

import dev.accelgen.pe.accel.matrix.QuantWeights;
import java.util.Arrays;

/** Columns [n0, n0 + n) of quantized weights (stored column by column, so a tile is a range of columns). */
final class QuantColumns {
    private QuantColumns() {
    }

    static QuantWeights of(QuantWeights w, int n0, int n) {
        if (n0 == 0 && n == w.n()) {
            return w;
        }
        if (w instanceof QuantWeights.MixPe m) {
            return new QuantWeights.MixPe(Arrays.copyOfRange(m.codes(), n0, n0 + n), Arrays.copyOfRange(m.scales(), n0, n0 + n),
                    Arrays.copyOfRange(m.zps(), n0, n0 + n));
        }
        if (w instanceof QuantWeights.Ternary t) {
            return new QuantWeights.Ternary(Arrays.copyOfRange(t.trits(), n0, n0 + n));
        }
        return new QuantWeights.Ints(Arrays.copyOfRange(((QuantWeights.Ints) w).values(), n0, n0 + n));
    }
}
