package dev.accelgen.compiler.backend.lir;

/**
 * One activation tensor of the layer IR: {@code rows x cols}, rows being tokens (the run's T rows, positions
 * P..P+T-1; see {@link Sequence}) and cols features. Column sub-ranges name heads: head h of a tensor with
 * head dimension d is columns [h*d, (h+1)*d).
 *
 * @param id   index in {@link LirModel#vals()}
 * @param name readable name (from the graph value it stands for)
 * @param cols features per row
 * @param kind Fx values, or token ids (one integer per row, an {@link LirOp.Input}'s only)
 */
public record Val(int id, String name, int cols, Kind kind) {
    /** What a row holds. */
    public enum Kind {
        /** Signed 32-bit fixed point with 16 fraction bits. */
        FX,
        /** One token id per row (cols = 1), read only by {@link LirOp.Embedding}. */
        TOKEN_IDS
    }

    public Val {
        if (id < 0 || cols < 1) {
            throw new IllegalArgumentException("value " + name + " needs id >= 0 and cols >= 1 (got " + id + ", " + cols + ")");
        }
        if (kind == Kind.TOKEN_IDS && cols != 1) {
            throw new IllegalArgumentException("token ids " + name + " have one column (got " + cols + ")");
        }
    }

    @Override
    public String toString() {
        return "%" + id;
    }
}
