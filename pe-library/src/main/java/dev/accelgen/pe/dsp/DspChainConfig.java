package dev.accelgen.pe.dsp;

import dev.accelgen.errors.ConfigError;

/**
 * A FlightLLM-style sparse DSP chain: {@code length} DSP48E2 slices cascaded over PCOUT->PCIN computing
 * {@code packing.lanes()} dot products per beat (signed INT8, or INT4 for int4x4; 32-bit results). With packed
 * lanes the cascade is cut into segments of at most {@link Packing#maxDepth()} slices so no lane can collide;
 * segment results are unpacked and added in fabric.
 *
 * @param length   DSP48E2 slices, 1..64
 * @param packing  products per slice
 * @param sparsity the sparse pattern the mode register can select besides dense
 */
public record DspChainConfig(int length, Packing packing, Sparsity sparsity) {
    public static final int RESULT_BITS = 32;

    public DspChainConfig {
        if (length < 1 || length > 64) {
            throw new ConfigError("", "length must be in 1..64 (got " + length + ")");
        }
        if (packing == null || sparsity == null) {
            throw new ConfigError("", "packing and sparsity are required");
        }
        if (sparsity instanceof Sparsity.NOfM nm && length % nm.n() != 0) {
            throw new ConfigError("", "length must be a multiple of N=" + nm.n() + " for sparsity "
                    + nm.spec() + " (got " + length + ")");
        }
        if (sparsity instanceof Sparsity.Block bl && length % bl.b() != 0) {
            throw new ConfigError("", "length must be a multiple of B=" + bl.b() + " for sparsity "
                    + bl.spec() + " (got " + length + ")");
        }
    }

    public boolean sparse() {
        return !(sparsity instanceof Sparsity.Dense);
    }

    /** Activations each beat carries: the sparse window, or {@code length} for a dense-only chain. */
    public int window() {
        return length * sparsity.windowPerSlice();
    }

    /** Slices per cascade segment: the whole chain, or at most the INT8x2 lane budget. */
    public int segmentLength() {
        return Math.min(length, packing.maxDepth());
    }

    public int segments() {
        return (length + segmentLength() - 1) / segmentLength();
    }

    /** First slice of segment {@code s}. */
    public int segmentStart(int s) {
        return s * segmentLength();
    }

    public int segmentSize(int s) {
        return Math.min(segmentLength(), length - segmentStart(s));
    }

    public Dsp48e2Params slice() {
        return Dsp48e2Params.chainSlice(packing != Packing.NONE);
    }

    /**
     * Cycles from a beat's acceptance to its result: the skew of a full segment (segmentLength - 1), the
     * slice's register stages up to P (input, pre-adder, M, P) and the fabric output register.
     */
    public int latency() {
        return segmentLength() - 1 + slice().productLatency() + 1 + 1;
    }

    /** Bits of a sparse index: log2(m) for N:M, log2(2L/b) for block sparsity (at least 1). */
    public int indexBits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(indexChoices() - 1));
    }

    /** Index fields per beat: one per slice for N:M, one per block group for block sparsity, none for dense. */
    public int indexFields() {
        if (sparsity instanceof Sparsity.Block bl) {
            return length / bl.b();
        }
        return sparse() ? length : 0;
    }

    /**
     * The activation slice {@code k} multiplies in sparse mode given its index field value: N:M group k/n
     * starts at (k/n)*m; a block group k/b picks block {@code index} and position k%b inside it.
     */
    public int sparseSource(int k, int index) {
        if (sparsity instanceof Sparsity.NOfM nm) {
            return k / nm.n() * nm.m() + index;
        }
        if (sparsity instanceof Sparsity.Block bl) {
            return index * bl.b() + k % bl.b();
        }
        return k;
    }

    /** Which index field serves slice {@code k}. */
    public int indexFieldOf(int k) {
        return sparsity instanceof Sparsity.Block bl ? k / bl.b() : k;
    }

    /** Number of legal values of an index field (m for N:M, 2L/b blocks for block sparsity). */
    public int indexChoices() {
        if (sparsity instanceof Sparsity.NOfM nm) {
            return nm.m();
        }
        if (sparsity instanceof Sparsity.Block bl) {
            return 2 * length / bl.b();
        }
        return 1;
    }
}
