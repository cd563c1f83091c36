/**
 * Mixture-of-experts datapaths (M3ViT's computation reordering with zero-overhead expert switching).
 *
 * <ul>
 *   <li>{@link dev.accelgen.pe.moe.MoeLayer} (unit kind {@code moe}): router (top-k of the task's experts),
 *       per-expert token queues, dispatch and gather around {@link dev.accelgen.pe.moe.MoeEngine}, which streams
 *       expert weights over an AXI4-style read port into two banks (the next expert's weights load while the
 *       current expert computes) and runs the expert on the library's INT8 systolic array.</li>
 *   <li>{@link dev.accelgen.pe.moe.MoeLayerGolden} and {@link dev.accelgen.pe.moe.MoeGolden} are cycle-stepped
 *       specifications using {@link dev.accelgen.sim.ReadMemoryModel}, the same memory timing the Verilator
 *       harness applies, so stalls for any AR-ready pattern, per-request latency and bandwidth are predicted
 *       exactly.</li>
 *   <li>The {@code route}, {@code tile} and {@code out_c} streams have no ready: the layer cannot take
 *       backpressure, and whatever composes it must never stall them.</li>
 *   <li>Boundary: the unit reports each token's experts and their router logits on its {@code route} stream;
 *       the softmax gate weights ({@link dev.accelgen.pe.moe.MoeRouter#route}) and the gate-weighted sum of a
 *       token's k expert outputs are left to the consumer of the {@code out_c} streams.</li>
 * </ul>
 */
package dev.accelgen.pe.moe;
