package dev.accelgen.pe.moe;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.systolic.SystolicConfig;

/**
 * An M3ViT-style mixture-of-experts layer engine. Each expert is a {@code dModel x cols} INT8 weight matrix
 * stored off chip (expert e at byte address {@code e * dModel * cols}, one {@code cols}-byte row per AXI beat);
 * the expert compute runs on a {@code rows x cols} INT8 systolic array from this library; two on-chip weight
 * banks let the next expert's weights stream in while the current expert computes.
 *
 * @param experts          E, 1..64
 * @param topK             experts per token, 1..2 (at most E)
 * @param tokens           tokens per batch (the layer's token buffer), 1..255
 * @param rows             systolic array rows (tokens per tile), 1, 2, 4 or 8
 * @param cols             systolic array columns (expert outputs), a power of two in 1..64
 * @param dModel           expert input width (reduction length), 2..256
 * @param memLatency       verification memory latency in cycles, 1..1000
 * @param memBytesPerCycle verification memory bandwidth in bytes per cycle, 1..64
 */
public record MoeConfig(int experts, int topK, int tokens, int rows, int cols, int dModel, int memLatency,
                        int memBytesPerCycle) {
    public MoeConfig {
        check("experts", experts, 1, 64);
        check("top-k", topK, 1, Math.min(2, experts));
        check("tokens", tokens, 1, 255);
        if (rows != 1 && rows != 2 && rows != 4 && rows != 8) {
            throw new ConfigError("", "array rows must be 1, 2, 4 or 8 (got " + rows + ")");
        }
        check("array cols", cols, 1, 64);
        if (Integer.bitCount(cols) != 1) {
            throw new ConfigError("", "array cols must be a power of two in 1..64 (got " + cols + ")");
        }
        check("d-model", dModel, 2, 256);
        check("mem-latency", memLatency, 1, 1000);
        check("mem-bytes-per-cycle", memBytesPerCycle, 1, 64);
    }

    private static void check(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new ConfigError("", name + " must be in " + min + ".." + max + " (got " + v + ")");
        }
    }

    public SystolicConfig array() {
        return SystolicConfig.int8(rows, cols);
    }

    /** Bits of an expert id on the job stream. */
    public int expertBits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(experts - 1));
    }

    /** log2(rows). */
    public int rowShift() {
        return Integer.numberOfTrailingZeros(rows);
    }

    /** Tiles of {@code rows} tokens needed for {@code count} tokens. */
    public int tiles(int count) {
        return (count + rows - 1) >> rowShift();
    }

    /**
     * Cycles from the engine accepting a job to the first compute cycle on its weights when the memory channel
     * is free: the AR cycle, the latency, one beat per ceil(cols / bytesPerCycle) cycles for dModel beats, and
     * the cycle the bank turns full.
     */
    public long prefetchCycles() {
        long beat = (cols + memBytesPerCycle - 1) / memBytesPerCycle;
        return 2L + memLatency + (dModel - 1L) * beat;
    }

    public long expertBytes() {
        return (long) dModel * cols;
    }

    /** Tasks the experts are split among (task t owns experts e with e mod tasks == t): 2 when E >= 2*topK. */
    public int tasks() {
        return experts >= 2 * topK ? 2 : 1;
    }
}
