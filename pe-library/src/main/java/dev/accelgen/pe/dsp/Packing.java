package dev.accelgen.pe.dsp;

import dev.accelgen.errors.ConfigError;
import java.util.Arrays;
import java.util.List;

/**
 * How many multiplies one DSP48E2 performs per cycle, and the stream ports that carry their operands. Lane l
 * of a slice multiplies activation vector {@link #laneActivation} by weight {@link #laneWeight}; lanes are
 * numbered from the low end of P.
 */
public enum Packing {
    /** One INT8 x INT8 product per slice (A x B, pre-adder unused). */
    NONE("none", 8, List.of("x"), List.of("w"), new int[][] {{0, 0}}),
    /**
     * Two INT8 weights sharing one INT8 activation through the pre-adder (WP486), see {@link Int8x2}: lane 0 (the
     * low P field) is {@code wl}, lane 1 is {@code wh}.
     */
    INT8X2("int8x2", 8, List.of("x"), List.of("wh", "wl"), new int[][] {{0, 1}, {0, 0}}),
    /** Two INT4 activation vectors times two INT4 weights (2x2 outer product), see {@link Int4x4}. */
    INT4X4("int4x4", 4, List.of("xa", "xb"), List.of("w0", "w1"), new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});

    private final String cliName;
    private final int bits;
    private final List<String> activations;
    private final List<String> weights;
    private final int[][] lanes;

    Packing(String cliName, int bits, List<String> activations, List<String> weights, int[][] lanes) {
        this.cliName = cliName;
        this.bits = bits;
        this.activations = activations;
        this.weights = weights;
        this.lanes = lanes;
    }

    public String cliName() {
        return cliName;
    }

    /** Signed operand width: 8 or 4. */
    public int bits() {
        return bits;
    }

    /** Port-name prefixes of the activation vectors ({@code x_i}, or {@code xa_i} and {@code xb_i}). */
    public List<String> activationPorts() {
        return activations;
    }

    /** Port-name prefixes of the per-slice weights. */
    public List<String> weightPorts() {
        return weights;
    }

    /** Products (output lanes) per slice per cycle. */
    public int lanes() {
        return lanes.length;
    }

    public int laneActivation(int lane) {
        return lanes[lane][0];
    }

    public int laneWeight(int lane) {
        return lanes[lane][1];
    }

    /** Products a cascade segment may sum before packed lanes can collide. */
    public int maxDepth() {
        return switch (this) {
            case NONE -> Integer.MAX_VALUE;
            case INT8X2 -> Int8x2.MAX_DEPTH;
            case INT4X4 -> Int4x4.MAX_DEPTH;
        };
    }

    @Override
    public String toString() {
        return cliName;
    }

    public static Packing parse(String s) {
        for (Packing p : values()) {
            if (p.cliName.equals(s)) {
                return p;
            }
        }
        throw new ConfigError("", "packing must be one of " + Arrays.stream(values()).map(Packing::cliName).toList()
                + " (got " + s + ")");
    }
}
