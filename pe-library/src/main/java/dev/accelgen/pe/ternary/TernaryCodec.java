package dev.accelgen.pe.ternary;

/**
 * Storage formats of ternary weights {-1, 0, +1}.
 *
 * <p><b>2-bit</b>: code bit 0 = "non-zero", bit 1 = "negative": 0 -> 0b00, +1 -> 0b01,
 * -1 -> 0b11. The unused code 0b10 decodes to 0. A lane computes {@code c[0] ? a ^ {W{c[1]}} : 0}
 * and the adder tree adds {@code c[0] & c[1]} as a carry-in, which completes the negation.
 *
 * <p><b>base-3</b>: 5 weights per byte, {@code byte = sum_k t_k * 3^k} with digit
 * {@code t = 0, 1, 2} for weight {@code 0, +1, -1} (so an all-zero group is byte 0). Bytes 243..255
 * are not produced by {@link #packBase3}; they decode to five zero weights, in hardware too.
 * A row of L weights takes ceil(L/5) bytes; the digits past lane L-1 in the last byte are 0.
 */
public final class TernaryCodec {
    public static final int WEIGHTS_PER_BYTE = 5;
    /** Largest valid base-3 byte (3^5 - 1). */
    public static final int BASE3_MAX = 242;

    private TernaryCodec() {
    }

    public static int encode2(int w) {
        return switch (w) {
            case 0 -> 0b00;
            case 1 -> 0b01;
            case -1 -> 0b11;
            default -> throw new IllegalArgumentException("ternary weight must be -1, 0 or 1 (got " + w + ")");
        };
    }

    public static int decode2(int code) {
        if ((code & 1) == 0) {
            return 0;
        }
        return (code & 2) != 0 ? -1 : 1;
    }

    private static int digit(int w) {
        return switch (w) {
            case 0 -> 0;
            case 1 -> 1;
            case -1 -> 2;
            default -> throw new IllegalArgumentException("ternary weight must be -1, 0 or 1 (got " + w + ")");
        };
    }

    /** Packs up to 5 weights (missing trailing weights are 0) into one byte. */
    public static int packBase3(int[] w, int from, int count) {
        int b = 0;
        int p = 1;
        for (int k = 0; k < WEIGHTS_PER_BYTE; k++) {
            int wk = from + k < count ? w[from + k] : 0;
            b += digit(wk) * p;
            p *= 3;
        }
        return b;
    }

    /** The 5 weights of a byte (digit 0 first); bytes above 242 give five zeros. */
    public static int[] unpackBase3(int b) {
        if (b < 0 || b > 255) {
            throw new IllegalArgumentException("byte must be in 0..255 (got " + b + ")");
        }
        int[] w = new int[WEIGHTS_PER_BYTE];
        if (b > BASE3_MAX) {
            return w;
        }
        for (int k = 0; k < WEIGHTS_PER_BYTE; k++) {
            int d = b % 3;
            w[k] = d == 0 ? 0 : d == 1 ? 1 : -1;
            b /= 3;
        }
        return w;
    }

    public static int base3Bytes(int lanes) {
        return (lanes + WEIGHTS_PER_BYTE - 1) / WEIGHTS_PER_BYTE;
    }

    /** A row of weights as base-3 bytes. */
    public static int[] packRowBase3(int[] w) {
        int[] out = new int[base3Bytes(w.length)];
        for (int j = 0; j < out.length; j++) {
            out[j] = packBase3(w, j * WEIGHTS_PER_BYTE, w.length);
        }
        return out;
    }

    /** The first {@code lanes} weights of a base-3 packed row. */
    public static int[] unpackRowBase3(int[] bytes, int lanes) {
        int[] w = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            w[i] = unpackBase3(bytes[i / WEIGHTS_PER_BYTE])[i % WEIGHTS_PER_BYTE];
        }
        return w;
    }

    /** A row of weights as 2-bit codes packed LSB-first into bytes (4 per byte). */
    public static int[] packRow2(int[] w) {
        int[] out = new int[(w.length + 3) / 4];
        for (int i = 0; i < w.length; i++) {
            out[i / 4] |= encode2(w[i]) << (2 * (i % 4));
        }
        return out;
    }

    public static int[] unpackRow2(int[] bytes, int lanes) {
        int[] w = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            w[i] = decode2((bytes[i / 4] >> (2 * (i % 4))) & 3);
        }
        return w;
    }
}
