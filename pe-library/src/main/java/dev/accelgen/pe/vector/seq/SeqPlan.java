package dev.accelgen.pe.vector.seq;

/**
 * What the {@link PassSequencer} reads for one instruction: {@code nPro} broadcast rows (at {@code pro0},
 * {@code pro1}) into local buffers first, then for each of {@code rows} rows {@code passes} passes over its
 * words, each pass followed by {@code gaps[pass]} idle cycles. A pass reads word w of row r at
 * {@code a + r*aStride + w}; with {@code dual} each word is two reads, a's then {@code b + r*bStride + w}.
 */
public record SeqPlan(long rows, int len, int a, int aStride, int b, int bStride, int d, int dStride, boolean dual,
                      int passes, int[] gaps, int nPro, int pro0, int pro1) {
    public SeqPlan {
        if (passes < 1 || passes > 3 || gaps.length < passes || nPro < 0 || nPro > 2) {
            throw new IllegalArgumentException("plan needs 1..3 passes with gaps and 0..2 prologue rows");
        }
        gaps = gaps.clone();
    }
}
