package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.Val;

/**
 * What a graph value is in terms of one LIR value: the graph's reshapes and transposes of attention heads are
 * views of the same rows, so they change the form, not the data.
 */
sealed interface Form {
    Val val();

    /** Graph shape [1.., T, C]: the value's rows and columns as they are. */
    record Rows(Val val) implements Form {
    }

    /** Graph shape [1, T] of token ids. */
    record Ids(Val val) implements Form {
    }

    /**
     * Attention heads of {@code val}: {@code heads} physical heads of {@code dim} columns, graph shape [1,T,H,D]
     * ({@code headMajor} false, after the split reshape) or [1,H,T,D] (true, after the transpose). {@code repeat}
     * greater than 1: grouped-query key/value heads that the graph repeated (Tile) to H*repeat logical heads, head h
     * of which is physical head h / repeat; only attention reads them.
     */
    record Heads(Val val, int heads, int dim, boolean headMajor, int repeat) implements Form {
        int logicalHeads() {
            return heads * repeat;
        }
    }

    /** Grouped key/value heads on their way to a repeat: graph shape [1,H,R,T,D] (R = {@code repeat}). */
    record KvGroup(Val val, int heads, int dim, int repeat) implements Form {
    }
}
