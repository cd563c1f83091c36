package dev.accelgen.reports.data;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One layer of the compiled program as the golden timing model ran it. {@code phase} is "prefill", "decode" or
 * "run" (a model without a KV cache); {@code unit} the engine it ran on ("mm0 mixpe", "vector"). {@code cycles}
 * are the cycles attributed to it, {@code stallCycles} of them waiting for memory (null when the model that timed
 * it does not separate them, as the per-op estimate of {@code compile} does not); {@code macs} the
 * multiply-accumulates it did on {@code macLanes} MAC lanes (both 0 for vector work); {@code offchipBytes} what it
 * read and wrote off chip.
 */
public record Layer(String name, String phase, String unit, long cycles, Long stallCycles, long macs, long macLanes,
        long offchipBytes) {
    public Layer {
        Check.text("name", name);
        Check.text("phase", phase);
        Check.text("unit", unit);
        Check.nonNegative("cycles", cycles);
        if (stallCycles != null) {
            Check.inRange("stall_cycles", stallCycles, 0, cycles);
        }
        Check.nonNegative("macs", macs);
        Check.nonNegative("mac_lanes", macLanes);
        Check.nonNegative("offchip_bytes", offchipBytes);
        if (macs > 0 && (double) macs > (double) macLanes * cycles) {
            throw new IllegalArgumentException("layer " + name + ": " + macs + " MACs do not fit " + macLanes
                    + " lanes x " + cycles + " cycles");
        }
    }

    /** Whether it did matrix work (and so has a utilization and a place on the roofline). */
    @JsonIgnore
    public boolean isMatrix() {
        return macs > 0;
    }

    /** MACs done over MAC lanes x cycles. */
    public double utilization() {
        return cycles == 0 ? 0 : (double) macs / ((double) macLanes * cycles);
    }
}
