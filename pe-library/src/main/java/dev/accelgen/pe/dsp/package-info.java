/**
 * DSP48E2 datapaths (FlightLLM's configurable sparse DSP chain).
 *
 * <ul>
 *   <li>{@link dev.accelgen.pe.dsp.Dsp48e2Model} and the behavioural {@code DSP48E2.v} (a simulation-only
 *       file in the manifest's {@code sim_files}) model the UG579 subset in {@link dev.accelgen.pe.dsp.Dsp48e2Params};
 *       generated RTL instantiates the primitive as a black box that Vivado maps 1:1 and Yosys counts as a cell.
 *       Attribute values outside the subset stop a simulation at time 0 rather than simulate wrongly.</li>
 *   <li>{@link dev.accelgen.pe.dsp.LaneBudget}, {@link dev.accelgen.pe.dsp.Int8x2} (WP486) and
 *       {@link dev.accelgen.pe.dsp.Int4x4}: packed lanes and the exact number of products a lane can sum.</li>
 *   <li>{@link dev.accelgen.pe.dsp.DspChain}: N cascaded slices, segments no longer than the lane budget,
 *       run-time dense / N:M / block sparsity through a mode register; {@link dev.accelgen.pe.dsp.DspChainGolden}
 *       specifies it with plain integer arithmetic (no DSP model), so packing, cascade and skew are checked
 *       against the mathematics, not against themselves.</li>
 * </ul>
 */
package dev.accelgen.pe.dsp;
