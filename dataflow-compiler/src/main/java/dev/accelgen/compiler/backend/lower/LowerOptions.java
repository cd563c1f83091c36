package dev.accelgen.compiler.backend.lower;

import dev.accelgen.errors.OptionError;

/**
 * Choices the lowering cannot read from the graph.
 *
 * @param positions the context a decoder is compiled for (KV cache rows, at most {@link #MAX_POSITIONS}); 0: the
 *                  graph's own sequence length.
 *                  Whole-sequence models (encoders) always use the graph's length.
 * @param keyTile   keys per attention tile (VATTN instruction), at least 1
 */
public record LowerOptions(int positions, int keyTile) {
    /** The longest context: attention's running sum of weights (unsigned Q16.16) counts at most 65535 keys. */
    public static final int MAX_POSITIONS = 65535;
    /** The default key tile: 64 keys. */
    public static final int DEFAULT_KEY_TILE = 64;

    public LowerOptions {
        if (positions < 0 || positions > MAX_POSITIONS) {
            throw new OptionError("sequence length", "must be in 1.." + MAX_POSITIONS + " (got " + positions + ")");
        }
        if (keyTile < 1 || keyTile > 65536) {
            throw new OptionError("key tile", "must be in 1..65536 (got " + keyTile + ")");
        }
    }

    public static LowerOptions defaults() {
        return new LowerOptions(0, DEFAULT_KEY_TILE);
    }
}
