package dev.accelgen.pe.accel.buf;

/** The diagnostic of an out-of-range buffer access. */
final class OutOfRange {
    private OutOfRange() {
    }

    static String describe(String buffer, String access, int addr, int depth, int tag) {
        return (tag >= 0 ? "instruction " + tag + ": " : "") + buffer + " " + access + " at word "
                + Integer.toUnsignedString(addr) + ", past its depth " + depth;
    }
}
