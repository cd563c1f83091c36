package dev.accelgen.compiler.backend.exec;

import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Row-independent work spread over the common fork-join pool: each row's result is computed by one task from that
 * row alone, so the result is the same whatever the threads.
 */
final class Rows {
    private Rows() {
    }

    /** {@code f} applied to every row. */
    static int[][] parallel(int[][] rows, UnaryOperator<int[]> f) {
        int[][] out = new int[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(r -> out[r] = f.apply(rows[r]));
        return out;
    }
}
