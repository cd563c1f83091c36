package dev.accelgen.compiler.backend.lir;

import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import dev.accelgen.pe.mixpe.MixPeArith;
import dev.accelgen.pe.ternary.BitLinearArith;

/**
 * One weight product {@code y [rows x n] = x [rows x k] W [k x n]} exactly as an {@code MM} instruction computes
 * it (docs/accelerator.md, "MM arithmetic"), row by row:
 * <ol>
 *   <li>activation codes from the Fx row per {@link #act} (range {@link #codes});</li>
 *   <li>per column j the unit's integer result {@code acc_j} over the k codes and weight column j
 *       ({@code weights}, [n][k]):
 *       <ul>
 *         <li>{@link Scheme.MixPe}: {@link MixPeArith#dot} with the scheme's group ({@link #group()}), scales and
 *             zero points (48-bit wrapping, Q.8), codes and activations past K counting as 0;</li>
 *         <li>{@link Scheme.Ternary}: {@code sum trit_i * code_i} ({@link BitLinearArith#laneSum}, 32-bit wrapping);</li>
 *         <li>{@link Scheme.Int8} (dense or N:M sparse: pruned weights are zero codes): {@code sum w_i * code_i},
 *             32-bit wrapping (the DSP chain's and systolic array's sums);</li>
 *       </ul></li>
 *   <li>{@code y_j = sat32(sat32(roundShift(acc_j * M, dShift)) + bias_j)} ({@link MatArith#output}), M =
 *       {@code m[j]} for {@link ActQuant.PerTensor}, the row's VROWSCALE multiplier for {@link ActQuant.PerRow}
 *       (then {@code dShift} is {@code RowScaleArith.ROWSCALE_DSHIFT}).</li>
 * </ol>
 * Arrays are shared, not copied: treat them as read-only.
 *
 * @param scheme  the precision scheme (unit kind, bit widths, sparsity)
 * @param weights the quantized weights as {@code WeightTiles} packs them
 * @param codes   the activation code range of the scheme's unit
 * @param act     activation quantization
 * @param m       per-column output multipliers (signed 32-bit), null with {@link ActQuant.PerRow}
 * @param dShift  output shift of {@code acc * M}
 * @param bias    per-column Fx bias added after dequantization, or null
 */
public record Projection(Scheme scheme, QuantWeights weights, MatArith.CodeRange codes, ActQuant act, int[] m,
                         int dShift, int[] bias) {
    public Projection {
        if (scheme instanceof Scheme.Float) {
            throw new IllegalArgumentException("a projection runs on a matrix unit; float is not a unit scheme");
        }
        boolean kindOk = scheme instanceof Scheme.MixPe ? weights instanceof QuantWeights.MixPe
                : scheme instanceof Scheme.Ternary ? weights instanceof QuantWeights.Ternary : weights instanceof QuantWeights.Ints;
        if (!kindOk) {
            throw new IllegalArgumentException("scheme " + scheme.label() + " cannot take " + weights.getClass().getSimpleName() + " weights");
        }
        if ((act instanceof ActQuant.PerRow) != (scheme instanceof Scheme.Ternary)) {
            throw new IllegalArgumentException("per-row activation scales go with the ternary scheme only (scheme " + scheme.label() + ")");
        }
        if (act instanceof ActQuant.PerTensor ? m == null || m.length != weights.n() : m != null) {
            throw new IllegalArgumentException("per-tensor projections need one multiplier per column, per-row ones none");
        }
        if (dShift < 0 || dShift > 63) {
            throw new IllegalArgumentException("dShift must be in 0..63 (got " + dShift + ")");
        }
        if (bias != null && bias.length != weights.n()) {
            throw new IllegalArgumentException("bias has " + bias.length + " entries for " + weights.n() + " columns");
        }
    }

    public int k() {
        return weights.k();
    }

    public int n() {
        return weights.n();
    }

    /** The MixPE group size (the unit's; the last of ceil(K/G) groups is partial when G does not divide K); 0 for other schemes. */
    public int group() {
        return scheme instanceof Scheme.MixPe m ? m.groupSize() : 0;
    }
}
