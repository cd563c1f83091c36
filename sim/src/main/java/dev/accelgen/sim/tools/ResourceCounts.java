package dev.accelgen.sim.tools;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * UltraScale+ resources of a Yosys {@code synth_xilinx -family xcup} netlist, billed as Vivado's utilization
 * report bills them ({@link XilinxCells}): LUTs = LUT as logic + LUT as memory (distributed RAM and shift
 * registers, in LUT sites); CARRY4 and CARRY8, flip-flops (FD*), DSP48E2, RAMB36E2, RAMB18E2 and URAM288 apart.
 * {@code cells} is the full cell-type histogram (black boxes and MUXF7/8/9 included).
 */
public record ResourceCounts(int lutLogic, int lutDistributedRam, int lutShiftRegister, int carry4, int carry8, int ff,
                             int dsp48e2, int ramb36, int ramb18, int uram, Map<String, Integer> cells) {
    public ResourceCounts {
        cells = Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    public static ResourceCounts of(Map<String, Integer> cells) {
        int[] n = new int[XilinxCells.Kind.values().length];
        for (Map.Entry<String, Integer> e : cells.entrySet()) {
            XilinxCells.Kind k = XilinxCells.kind(e.getKey());
            int sites = XilinxCells.lutSites(e.getKey());
            n[k.ordinal()] += sites > 0 ? sites * e.getValue() : e.getValue();
        }
        return new ResourceCounts(get(n, XilinxCells.Kind.LUT_LOGIC), get(n, XilinxCells.Kind.LUT_DISTRIBUTED_RAM),
                get(n, XilinxCells.Kind.LUT_SHIFT_REGISTER), get(n, XilinxCells.Kind.CARRY4),
                get(n, XilinxCells.Kind.CARRY8), get(n, XilinxCells.Kind.FF), get(n, XilinxCells.Kind.DSP48E2),
                get(n, XilinxCells.Kind.RAMB36), get(n, XilinxCells.Kind.RAMB18), get(n, XilinxCells.Kind.URAM), cells);
    }

    /** The resources of several netlists together (their cell histograms added). */
    public static ResourceCounts sum(List<ResourceCounts> parts) {
        Map<String, Integer> cells = new TreeMap<>();
        parts.forEach(p -> p.cells().forEach((c, k) -> cells.merge(c, k, Integer::sum)));
        return of(cells);
    }

    private static int get(int[] n, XilinxCells.Kind k) {
        return n[k.ordinal()];
    }

    /** LUT as memory: distributed RAM plus shift registers, in LUT sites. */
    public int lutMemory() {
        return lutDistributedRam + lutShiftRegister;
    }

    /** Every LUT site: logic plus memory (Vivado's "CLB LUTs" before LUT combining). */
    public int lut() {
        return lutLogic + lutMemory();
    }

    /** Block RAM in 36 Kb units: RAMB36E2 plus half a RAMB18E2 each. */
    public double bram36() {
        return ramb36 + ramb18 / 2.0;
    }
}
