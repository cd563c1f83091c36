package dev.accelgen.pe.vector.attn;

/**
 * One cycle of the attention sequencer: a read slot of a phase (Q: the query row, K: a key word, V: a value
 * word, O: the accumulator row, read only when not {@code first}) or a gap cycle ({@code phase} GAP,
 * {@code max} on the last one, when the tile's max is final).
 *
 * @param addr     ABUF word read by the slot
 * @param w        word of the row (0 .. W-1)
 * @param j        key of the tile (K and V), masked to the score buffer's index bits
 * @param lim      t + diag of the row: key j is masked when {@code causal && j > lim}
 * @param init     the slot's accumulation starts its word's sum (key 0 of V; O when the tile has no keys)
 * @param rowStart the row's first slot (Q, word 0); {@code rowLast} its last slot
 * @param oRow     the row's accumulator row, {@code sbRow} its SBUF entry of m (l follows)
 */
record AttnEvent(Phase phase, boolean read, int addr, int w, int j, long lim, boolean lastWord, boolean init,
                 boolean rowStart, boolean rowLast, boolean max, int oRow, int sbRow) {
    enum Phase { Q, K, V, O, GAP }

    boolean slot() {
        return phase != Phase.GAP;
    }
}
