package dev.accelgen.compiler.backend.lir;

import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.vector.arith.RowScaleArith;

/** How a {@link Projection} turns Fx activations into the unit's integer codes, and where its output multiplier comes from. */
public sealed interface ActQuant {
    /**
     * One multiplier for every row (the MM's {@code q} and {@code qShift} fields):
     * {@code code = clamp(roundShift(x * q, qShift), lo, hi)} ({@link MatArith#quantize}); the output multiplier is
     * per column ({@link Projection#m()}).
     */
    record PerTensor(long q, int qShift) implements ActQuant {
        public PerTensor {
            if (q < 1 || q > MatArith.Q_MASK || qShift < 0 || qShift > 63) {
                throw new IllegalArgumentException("q must be in 1.." + MatArith.Q_MASK + " and qShift in 0..63 (got " + q
                        + ", " + qShift + ")");
            }
        }
    }

    /**
     * BitLinear absmax per row: a VROWSCALE with {@code beta = betaMant / 2^betaShift} writes each row's q and M to
     * SBUF and the MM runs with {@code rowScale} ({@link RowScaleArith}: {@code qShift = ROWSCALE_QSHIFT},
     * {@code dShift = ROWSCALE_DSHIFT}); there are no per-column multipliers. Any constant output factor (an
     * attention scale) is folded into beta.
     */
    record PerRow(long betaMant, int betaShift) implements ActQuant {
        public PerRow {
            if (betaMant < 0 || betaMant >= 1L << 24 || betaShift < 0 || betaShift > 63) {
                throw new IllegalArgumentException("betaMant must be in 0..2^24-1 and betaShift in 0..63 (got " + betaMant
                        + ", " + betaShift + ")");
            }
        }

        public double beta() {
            return betaMant / Math.pow(2, betaShift);
        }
    }
}
