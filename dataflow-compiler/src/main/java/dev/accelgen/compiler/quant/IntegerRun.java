package dev.accelgen.compiler.quant;

/**
 * The integer side of one quantized MatMul: what the unit receives and what its accumulators hold, so generated
 * RTL can be compared with the interpreter bit for bit.
 *
 * @param activations  activation codes, [row][k]
 * @param accumulators the unit's accumulator values (signed), [row][column]
 * @param rowScales    per-row activation scale (per-token schemes) or one entry for the whole tensor
 */
public record IntegerRun(int[][] activations, long[][] accumulators, double[] rowScales) {
}
