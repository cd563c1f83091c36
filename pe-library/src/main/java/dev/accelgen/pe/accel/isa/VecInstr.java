package dev.accelgen.pe.accel.isa;

/**
 * Vector-unit instructions. Rows are ABUF words of V lanes (Fx, signed 32-bit with 16 fraction bits); a
 * row of {@code len} elements occupies ceil(len/V) words, and lanes past {@code len} are written 0. Each
 * record documents its semantics; the arithmetic is defined once in {@code dev.accelgen.pe.vector}.
 */
public sealed interface VecInstr extends QueuedInstr permits VecInstr.VBinary, VecInstr.VAffine, VecInstr.VAct,
        VecInstr.VRmsNorm, VecInstr.VLayerNorm, VecInstr.VSoftmax, VecInstr.VAttn, VecInstr.VRope, VecInstr.VMlgru,
        VecInstr.VTopK, VecInstr.VScatter, VecInstr.VRowScale, VecInstr.VCopy {

    @Override
    default Queue queue() {
        return Queue.COMPUTE;
    }

    /** {@code d = a op b} element-wise; b is a tensor ({@code bStride} words per row) or, with stride 0, one row broadcast. */
    record VBinary(Deps deps, BinOp op, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a,
                   @Bits(12) int aStride, @Bits(20) Opnd b, @Bits(12) int bStride, @Bits(20) Opnd d,
                   @Bits(12) int dStride) implements VecInstr {
        public VBinary {
            Checks.positive("len", len);
        }
    }

    /** {@code d = sat32(roundShift(a * mul, 16) + add)}: multiplication by and addition of Fx constants. */
    record VAffine(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                   @Bits(20) Opnd d, @Bits(12) int dStride, @Bits(value = 32, signed = true) long mul,
                   @Bits(value = 32, signed = true) long add) implements VecInstr {
        public VAffine {
            Checks.positive("len", len);
        }
    }

    /** {@code d = fn(a)} element-wise through the function's table. */
    record VAct(Deps deps, ActFn fn, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                @Bits(20) Opnd d, @Bits(12) int dStride) implements VecInstr {
        public VAct {
            Checks.positive("len", len);
        }
    }

    /** Per row: {@code d = a / sqrt(mean(a^2) + eps) * gain}; {@code eps} in units of 2^-32; gain an Fx row. */
    record VRmsNorm(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                    @Bits(20) Opnd d, @Bits(12) int dStride, boolean hasGain, @Bits(20) Opnd gain,
                    @Bits(32) long eps) implements VecInstr {
        public VRmsNorm {
            Checks.positive("len", len);
        }
    }

    /** Per row: {@code d = (a - mean) / sqrt(var + eps) * gain + bias}; {@code eps} in units of 2^-32. */
    record VLayerNorm(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                      @Bits(20) Opnd d, @Bits(12) int dStride, boolean hasGain, @Bits(20) Opnd gain, boolean hasBias,
                      @Bits(20) Opnd bias, @Bits(32) long eps) implements VecInstr {
        public VLayerNorm {
            Checks.positive("len", len);
        }
    }

    /** Per row: {@code d = softmax(a)} over the row's {@code len} elements. */
    record VSoftmax(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                    @Bits(20) Opnd d, @Bits(12) int dStride) implements VecInstr {
        public VSoftmax {
            Checks.positive("len", len);
        }
    }

    /**
     * One key tile of one attention head, for {@code rows} query rows, with an online softmax carried across
     * tiles (flash-attention style). Query row t is the {@code headDim} elements at ABUF word
     * {@code q + t * qStride}; key and value j (j < keys) at {@code k + j * kStride}, {@code v + j * vStride};
     * the output accumulator row t at {@code o + t * oStride}; the running max and sum of row t at SBUF
     * {@code sbuf + 2t}, {@code sbuf + 2t + 1}. Scores are {@code q . k} (any scale is folded into q).
     * With {@code causal}, key j is masked for row t when {@code j > t + diag}. {@code first} starts the
     * running state; {@code last} divides the accumulator by the running sum (the attention output).
     */
    record VAttn(Deps deps, boolean first, boolean last, boolean causal, @Bits(16) Opnd rows, @Bits(12) int headDim,
                 @Bits(16) Opnd keys, @Bits(20) Opnd q, @Bits(12) int qStride, @Bits(20) Opnd k,
                 @Bits(12) int kStride, @Bits(20) Opnd v, @Bits(12) int vStride, @Bits(20) Opnd o,
                 @Bits(12) int oStride, @Bits(16) Opnd sbuf, @Bits(value = 16, signed = true) Opnd diag)
            implements VecInstr {
        public VAttn {
            Checks.positive("headDim", headDim);
        }
    }

    /**
     * Rotary position embedding, rotate-half form, per head of {@code headDim} elements of a row of {@code len}:
     * {@code d[i] = a[i]*cos[i] - a[i+h]*sin[i]}, {@code d[i+h] = a[i+h]*cos[i] + a[i]*sin[i]} (h = headDim/2).
     * Table row t (at {@code t + r * tStride}): cos[0..h) then sin[0..h) for the row's position.
     */
    record VRope(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(12) int headDim, @Bits(20) Opnd a,
                 @Bits(12) int aStride, @Bits(20) Opnd t, @Bits(12) int tStride, @Bits(20) Opnd d,
                 @Bits(12) int dStride) implements VecInstr {
        public VRope {
            Checks.positive("len", len);
            if (headDim < 2 || headDim % 2 != 0 || len % headDim != 0) {
                throw new IllegalArgumentException("headDim must be even and divide len " + len + " (got " + headDim + ")");
            }
        }
    }

    /**
     * The MatMul-free LM token mixer over {@code rows} consecutive tokens, in order: row t holds the
     * pre-activations f, c, g of {@code len} elements each (at a, a + W, a + 2W words, W = ceil(len/V));
     * {@code h = sigmoid(f)*h + (1-sigmoid(f))*silu(c)}, {@code d = sigmoid(g)*h}; the state row h (ABUF
     * word {@code h}) carries over between rows and instructions.
     */
    record VMlgru(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                  @Bits(20) Opnd h, @Bits(20) Opnd d, @Bits(12) int dStride) implements VecInstr {
        public VMlgru {
            Checks.positive("len", len);
        }
    }

    /**
     * MoE routing: per token row of {@code experts} router logits, picks the top {@code k} (ties to the lower
     * expert), gate = softmax over the picked logits, and appends (token, gate) to each picked expert's list.
     * Expert e's list is at SBUF {@code sbuf + e * (1 + 2 * capacity)}: its count, then (token, gate) pairs.
     * Counts start at 0 at the beginning of the instruction.
     */
    record VTopK(Deps deps, @Bits(16) Opnd rows, @Bits(8) int experts, @Bits(4) int k, @Bits(20) Opnd a,
                 @Bits(12) int aStride, @Bits(16) Opnd sbuf, @Bits(16) int capacity) implements VecInstr {
        public VTopK {
            Checks.positive("experts", experts);
            if (k < 1 || k > experts) {
                throw new IllegalArgumentException("k must be in 1.." + experts + " (got " + k + ")");
            }
            Checks.positive("capacity", capacity);
        }
    }

    /**
     * MoE combine for one expert: for entry i of the SBUF list at {@code sbuf} (count, then (token, gate)
     * pairs), {@code d[token] = sat32(d[token] + roundShift(gate * a[i], 16))} over {@code len} elements.
     */
    record VScatter(Deps deps, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride, @Bits(20) Opnd d,
                    @Bits(12) int dStride, @Bits(16) Opnd sbuf) implements VecInstr {
        public VScatter {
            Checks.positive("len", len);
        }
    }

    /**
     * BitLinear activation scales, per row: gamma = max|a| over {@code len}; SBUF {@code sbuf + 2m} gets the
     * quantization multiplier (127 / gamma in the MM's q format) and {@code sbuf + 2m + 1} the dequantization
     * multiplier (gamma * beta / 127), beta = {@code betaMant} / 2^{@code betaShift}.
     */
    record VRowScale(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                     @Bits(16) Opnd sbuf, @Bits(24) long betaMant, @Bits(6) int betaShift) implements VecInstr {
        public VRowScale {
            Checks.positive("len", len);
        }
    }

    /** {@code d = a}, row by row (concatenation and layout changes that are not views). */
    record VCopy(Deps deps, @Bits(16) Opnd rows, @Bits(16) int len, @Bits(20) Opnd a, @Bits(12) int aStride,
                 @Bits(20) Opnd d, @Bits(12) int dStride) implements VecInstr {
        public VCopy {
            Checks.positive("len", len);
        }
    }

    enum BinOp { ADD, SUB, MUL }

    enum ActFn { GELU, SILU, SIGMOID, TANH, EXP, RELU }
}
