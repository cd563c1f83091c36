/**
 * The layer IR (LIR): a model as the accelerator computes it, with exact fixed-point semantics.
 *
 * <ul>
 *   <li>Values ({@link dev.accelgen.compiler.backend.lir.Val}) are 2-D: rows are tokens (T per run, at positions
 *       P..P+T-1, see {@link dev.accelgen.compiler.backend.lir.Sequence}), columns are features; heads are column
 *       ranges. Everything is Fx (signed 32-bit, 16 fraction bits) except token ids.</li>
 *   <li>Ops ({@link dev.accelgen.compiler.backend.lir.LirOp}, a sealed set with a {@code Tag} for exhaustive
 *       switches) name the pe-library arithmetic that defines them; weight products are
 *       {@link dev.accelgen.compiler.backend.lir.Projection}s carrying exactly the MM instruction's parameters
 *       (quantized weights for {@code WeightTiles}, q/qShift or per-row scales, per-column M, dShift, bias).</li>
 *   <li>State ({@link dev.accelgen.compiler.backend.lir.StateBuf}): KV caches and recurrent rows carried across
 *       runs, so prefill followed by one-token decode steps equals one run over the whole sequence.</li>
 * </ul>
 */
package dev.accelgen.compiler.backend.lir;
