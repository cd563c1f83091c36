package dev.accelgen.compiler.backend.codegen;

/**
 * WBUF space for weight tiles: tiles alternate between the two banks, and within a bank follow each other until
 * the bank is full, then start again at word 0. A tile therefore overwrites the oldest tiles of its bank, which
 * {@link Hazards} makes wait for their last MM (double buffering: the next tile loads while the current one
 * computes).
 */
final class Wbuf {
    /** Where a tile goes. */
    record Slot(int bank, int addr) {
    }

    private final int depth;
    private final int[] next = new int[2];
    private int bank = 1;
    private int highWater;

    Wbuf(int depth) {
        this.depth = depth;
    }

    Slot alloc(int words) {
        if (words > depth) {
            throw new IllegalStateException("a tile of " + words + " words exceeds the WBUF bank of " + depth);
        }
        bank = 1 - bank;
        if (next[bank] + words > depth) {
            next[bank] = 0;
        }
        Slot s = new Slot(bank, next[bank]);
        next[bank] += words;
        highWater = Math.max(highWater, next[bank]);
        return s;
    }

    int highWater() {
        return highWater;
    }
}
