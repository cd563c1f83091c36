package dev.accelgen.compiler.backend.lir;

/**
 * State carried across runs of one sequence, off chip between runs: a KV cache (rows = the context, row p holds
 * position p's key or value row) or a recurrent state (one row). All Fx, all zero when a sequence starts.
 *
 * @param id   index in {@link LirModel#states()}
 * @param name readable name
 * @param kind what it holds
 * @param rows rows (positions for caches, 1 for recurrent state)
 * @param cols features per row
 */
public record StateBuf(int id, String name, Kind kind, int rows, int cols) {
    /** What the state holds. */
    public enum Kind { KEYS, VALUES, RECURRENT }

    public StateBuf {
        if (id < 0 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("state " + name + " needs id >= 0, rows >= 1 and cols >= 1");
        }
        if (kind == Kind.RECURRENT && rows != 1) {
            throw new IllegalArgumentException("recurrent state " + name + " has one row (got " + rows + ")");
        }
    }
}
