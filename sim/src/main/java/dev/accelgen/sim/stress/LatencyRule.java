package dev.accelgen.sim.stress;

/** How a stress profile turns a memory's nominal latency L into the range a run draws from. */
public sealed interface LatencyRule {
    LatencyRange rangeFor(int nominal);

    /** {@code [L, factor * L]} (capped at {@link LatencyRange#LIMIT}); factor 1 keeps the nominal latency. */
    record Scaled(int factor) implements LatencyRule {
        public Scaled {
            if (factor < 1 || factor > 100) {
                throw new IllegalArgumentException("latency factor must be in 1..100, got " + factor);
            }
        }

        @Override
        public LatencyRange rangeFor(int nominal) {
            return new LatencyRange(nominal, (int) Math.min(LatencyRange.LIMIT, (long) nominal * factor));
        }
    }

    /** The same range for every memory, whatever its nominal latency. */
    record Fixed(LatencyRange range) implements LatencyRule {
        public Fixed {
            if (range == null) {
                throw new IllegalArgumentException("range must not be null");
            }
        }

        @Override
        public LatencyRange rangeFor(int nominal) {
            return range;
        }
    }
}
