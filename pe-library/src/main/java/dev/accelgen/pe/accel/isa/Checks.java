package dev.accelgen.pe.accel.isa;

/** Range checks shared by the instruction records' compact constructors. */
final class Checks {
    private Checks() {
    }

    static void register(String field, int r) {
        if (r < 0 || r >= Registers.COUNT) {
            throw new IllegalArgumentException(field + " must be r0..r" + (Registers.COUNT - 1) + " (got r" + r + ")");
        }
    }

    static void positive(String field, long v) {
        if (v < 1) {
            throw new IllegalArgumentException(field + " must be >= 1 (got " + v + ")");
        }
    }

    static void nonNegative(String field, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(field + " must be >= 0 (got " + v + ")");
        }
    }
}
