package dev.accelgen.pe.dsp;

import dev.accelgen.errors.ConfigError;

/**
 * The structured-sparsity pattern a chain supports besides dense operation (chosen per beat by the run-time
 * mode register). In sparse mode each slice multiplies one stored non-zero weight by the activation its index
 * selects from a window wider than the chain.
 */
public sealed interface Sparsity {
    /** CLI spelling: dense, n:m or block:b. */
    String spec();

    /** Activations per beat in sparse mode, per chain slice: m/n for N:M, 2 for block sparsity. */
    int windowPerSlice();

    static Sparsity parse(String s) {
        if (s.equals("dense")) {
            return new Dense();
        }
        if (s.startsWith("block:")) {
            try {
                return new Block(Integer.parseInt(s.substring("block:".length())));
            } catch (NumberFormatException e) {
                throw new ConfigError("", "sparsity block:B needs an integer B (got " + s + ")");
            }
        }
        String[] nm = s.split(":");
        if (nm.length == 2) {
            try {
                return new NOfM(Integer.parseInt(nm[0]), Integer.parseInt(nm[1]));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new ConfigError("", "sparsity must be dense, 2:4, 1:4, 2:8 or block:B (got " + s + ")");
    }

    /** No sparse mode: the chain multiplies activation k by weight k. */
    record Dense() implements Sparsity {
        @Override
        public String spec() {
            return "dense";
        }

        @Override
        public int windowPerSlice() {
            return 1;
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    /** N:M: at most n non-zeros in every m consecutive weights; slice k serves group k/n with an index 0..m-1. */
    record NOfM(int n, int m) implements Sparsity {
        public NOfM {
            if (!(n == 2 && m == 4 || n == 1 && m == 4 || n == 2 && m == 8)) {
                throw new ConfigError("", "sparsity N:M must be 2:4, 1:4 or 2:8 (got " + n + ":" + m + ")");
            }
        }

        @Override
        public String spec() {
            return n + ":" + m;
        }

        @Override
        public int windowPerSlice() {
            return m / n;
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    /**
     * Block sparsity at density 1/2: weights in blocks of b; each group of b slices serves one non-zero block,
     * chosen by a block index among the 2L/b blocks of the activation window.
     */
    record Block(int b) implements Sparsity {
        public Block {
            if (b < 1 || b > 64) {
                throw new ConfigError("", "sparsity block:B needs B in 1..64 (got " + b + ")");
            }
        }

        @Override
        public String spec() {
            return "block:" + b;
        }

        @Override
        public int windowPerSlice() {
            return 2;
        }

        @Override
        public String toString() {
            return spec();
        }
    }
}
