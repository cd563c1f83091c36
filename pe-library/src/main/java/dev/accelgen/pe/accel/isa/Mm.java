package dev.accelgen.pe.accel.isa;

/**
 * Weight product on matrix unit {@code unit}: for each row m and column n < {@code n},
 * {@code y[m][n] = sat32(roundShift(acc[m][n] * M, dShift)) + bias[n]} (plus the old {@code out[m][n]} with
 * {@code accumulate}), where {@code acc[m][n]} is the unit's dot product over {@code k} elements of the
 * quantized activation row {@code m} and weight column {@code n}.
 * <ul>
 *   <li>Activation row m: ABUF words from {@code act + m * actStride}, quantized as
 *       {@code clamp(roundShift(x * q, qShift))} to the unit's activation type. With {@code gather}, row m is
 *       instead the row named by entry m of the SBUF token list at {@code sbuf} (count at {@code sbuf}, entry
 *       i's token at {@code sbuf + 1 + 2i}), and the row count is that list's count.</li>
 *   <li>Weights: the tile in WBUF bank {@code wbank} from word {@code wAddr}, in the unit's layout.</li>
 *   <li>{@code M}: per column, the 32-bit multipliers in ABUF from word {@code cparam} (ceil(n/V) words); with
 *       {@code rowScale}, per row: {@code q = SBUF[sbuf + 2m]} (read as unsigned 32-bit),
 *       {@code M = SBUF[sbuf + 2m + 1]}.</li>
 *   <li>{@code bias}: Fx row at ABUF word {@code cparam + ceil(n/V)}.</li>
 *   <li>Output row m to ABUF words from {@code out + m * outStride}; lanes past n are written 0.</li>
 *   <li>{@code sparse}: run a DSP-chain unit in its sparse mode (weights in the compressed N:M or block layout);
 *       false for every other unit kind.</li>
 *   <li>{@code overlap}: may start issuing while the previous MM still drains (the program guarantees that
 *       this MM reads nothing the previous two MMs write: a matrix engine holds up to three; the old outputs
 *       that {@code accumulate} adds are read after every earlier write, so accumulating MMs may overlap).</li>
 *   <li>{@code k} and {@code n}: at most the configuration's {@code maxRowElems}.</li>
 * </ul>
 */
public record Mm(Deps deps, @Bits(3) int unit, boolean bias, boolean accumulate, boolean rowScale, boolean gather,
                 boolean overlap, boolean sparse, @Bits(16) Opnd rows, @Bits(16) int k, @Bits(16) int n, @Bits(20) Opnd act,
                 @Bits(12) int actStride, @Bits(1) int wbank, @Bits(16) int wAddr, @Bits(20) Opnd out,
                 @Bits(12) int outStride, @Bits(20) Opnd cparam, @Bits(24) long q, @Bits(6) int qShift,
                 @Bits(6) int dShift, @Bits(16) Opnd sbuf) implements QueuedInstr {
    public Mm {
        Checks.positive("k", k);
        Checks.positive("n", n);
        if (rowScale && gather) {
            throw new IllegalArgumentException("MM cannot combine rowScale and gather (both read SBUF at sbuf)");
        }
    }

    @Override
    public Queue queue() {
        return Queue.COMPUTE;
    }
}
