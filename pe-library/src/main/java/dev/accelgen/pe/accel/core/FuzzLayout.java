package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import java.util.Random;

/**
 * Where the fuzzer puts things: every port's image is {@link #IMAGE} bytes, the program sits on port 0 below
 * {@link #DATA}, loads read from {@code [DATA, IMAGE)}, index lists live in {@code [DATA, STORE)} and stores
 * write {@code [STORE, IMAGE)} (any byte may still be read back later). Rows are at most three ABUF words.
 */
final class FuzzLayout {
    static final int IMAGE = 8192;
    static final int DATA = 2048;
    static final int STORE = 5120;
    static final int MAX_TRIPS = 3;
    private final HwConfig hw;

    FuzzLayout(HwConfig hw) {
        this.hw = hw;
    }

    int maxInstructions() {
        return Math.min(hw.imemWords(), (DATA - ProgramBinary.HEADER_BYTES) / 32);
    }

    int wordBytes() {
        return hw.abufWordBits() / 8;
    }

    int maxRowBytes() {
        return 3 * wordBytes();
    }

    /** {@code bytes} rounded up to the port width. */
    long alignUp(long bytes) {
        long p = hw.portBytes();
        return (bytes + p - 1) / p * p;
    }

    /** A port-aligned offset in {@code [lo, hi - extent]} (lo itself when nothing else fits). */
    long aligned(Random rng, long lo, long hi, long extent) {
        long slots = (hi - extent - lo) / hw.portBytes();
        return lo + (slots <= 0 ? 0 : rng.nextInt((int) Math.min(slots + 1, Integer.MAX_VALUE))) * hw.portBytes();
    }

    /** The value of run register r1 in every start beat: the data region's start. */
    int r1() {
        return DATA;
    }
}
