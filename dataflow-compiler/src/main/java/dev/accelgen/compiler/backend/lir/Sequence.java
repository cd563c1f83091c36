package dev.accelgen.compiler.backend.lir;

/**
 * How rows map to positions across runs. A run processes T rows at positions P..P+T-1 (the program's registers
 * r1 and r2).
 *
 * @param incremental true for decoders: any T >= 1 with P + T <= {@code positions}; state (KV caches, recurrent
 *                    state) carries over, so a prefill of P rows followed by decode steps of one row computes the
 *                    same rows as one run over all of them. False: every run is one whole sequence, T =
 *                    {@code positions} and P = 0 (encoders: non-causal attention sees rows after its own).
 * @param positions   the context: most positions a sequence may have (KV cache rows, table rows)
 */
public record Sequence(boolean incremental, int positions) {
    public Sequence {
        if (positions < 1) {
            throw new IllegalArgumentException("a sequence needs at least one position (got " + positions + ")");
        }
    }
}
