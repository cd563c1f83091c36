package dev.accelgen.compiler.backend.codegen;

import java.util.TreeMap;

/**
 * ABUF words, handed out first-fit and returned when their value dies; the highest word ever used sizes the
 * planned buffer. Reusing a word is safe whatever is still in flight: {@link Hazards} orders every access.
 */
final class Abuf {
    /** Allocated ranges: base to size. */
    private final TreeMap<Integer, Integer> used = new TreeMap<>();
    private int highWater;

    int alloc(int words) {
        if (words < 1) {
            throw new IllegalArgumentException("an ABUF allocation needs at least one word");
        }
        int at = 0;
        for (var e : used.entrySet()) {
            if (e.getKey() - at >= words) {
                break;
            }
            at = Math.max(at, e.getKey() + e.getValue());
        }
        used.put(at, words);
        highWater = Math.max(highWater, at + words);
        return at;
    }

    void free(int base) {
        if (used.remove(base) == null) {
            throw new IllegalStateException("ABUF word " + base + " was not allocated");
        }
    }

    /** One past the highest word ever allocated. */
    int highWater() {
        return highWater;
    }
}
