package dev.accelgen.compiler.backend.lower;

/**
 * Choices the lowering cannot read from the graph.
 *
 * @param positions the context a decoder is compiled for (KV cache rows); 0: the graph's own sequence length.
 *                  Whole-sequence models (encoders) always use the graph's length.
 * @param keyTile   keys per attention tile (VATTN instruction), at least 1
 */
public record LowerOptions(int positions, int keyTile) {
    /** The default key tile: 64 keys. */
    public static final int DEFAULT_KEY_TILE = 64;

    public LowerOptions {
        if (positions < 0 || positions > 1 << 20) {
            throw new IllegalArgumentException("positions must be in 0..2^20 (got " + positions + ")");
        }
        if (keyTile < 1 || keyTile > 65536) {
            throw new IllegalArgumentException("keyTile must be in 1..65536 (got " + keyTile + ")");
        }
    }

    public static LowerOptions defaults() {
        return new LowerOptions(0, DEFAULT_KEY_TILE);
    }
}
