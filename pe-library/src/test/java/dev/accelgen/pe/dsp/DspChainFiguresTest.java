package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource figures from Yosys ({@code synth_xilinx -family xcup}, DSP48E2 counted as a black-box cell): one
 * DSP48E2 per two INT8 MACs with int8x2 packing, and the LUT cost of the run-time sparse activation muxes per
 * output lane (sparse config minus the same chain dense-only, divided by the lanes of all slices).
 */
class DspChainFiguresTest {
    private static ResourceCounts synth(DspChainConfig c, Path dir) {
        return YosysSynth.synth(ManifestReader.read(Hdl.elaborate(new DspChain(), c).emit(dir)));
    }

    @Test
    void int8x2UsesOneDspPerTwoMacs(@TempDir Path tmp) {
        for (int length : List.of(7, 8, 13)) {
            DspChainConfig c = new DspChainConfig(length, Packing.INT8X2, new Sparsity.Dense());
            long macs = new DspChainKind().figures(c).macsPerCycle();
            ResourceCounts r = synth(c, tmp.resolve("l" + length));
            System.out.println("int8x2 length " + length + ": macs_per_cycle=" + macs + " dsp48e2=" + r.dsp48e2()
                    + " lut=" + r.lut() + " ff=" + r.ff());
            assertEquals((macs + 1) / 2, r.dsp48e2());
            assertEquals(2L * length, macs);
        }
    }

    @Test
    void int4x4UsesOneDspPerFourMacs(@TempDir Path tmp) {
        DspChainConfig c = new DspChainConfig(8, Packing.INT4X4, new Sparsity.Dense());
        long macs = new DspChainKind().figures(c).macsPerCycle();
        ResourceCounts r = synth(c, tmp);
        System.out.println("int4x4 length 8: macs_per_cycle=" + macs + " dsp48e2=" + r.dsp48e2() + " lut=" + r.lut()
                + " ff=" + r.ff() + " carry4=" + r.carry4());
        assertEquals(32, macs);
        assertEquals((macs + 3) / 4, r.dsp48e2());
    }

    @Test
    void sparseMuxLutsPerLaneAndEffectiveMacs(@TempDir Path tmp) {
        int length = 8;
        for (Packing p : List.of(Packing.INT8X2)) {
            DspChainConfig dense = new DspChainConfig(length, p, new Sparsity.Dense());
            int base = synth(dense, tmp.resolve(p + "_dense")).lut();
            for (String spec : List.of("2:4", "1:4", "block:4")) {
                DspChainConfig c = new DspChainConfig(length, p, Sparsity.parse(spec));
                ResourceCounts r = synth(c, tmp.resolve(p + "_" + spec.replace(':', '_')));
                double perLane = (double) (r.lut() - base) / (length * p.lanes());
                double effective = DspChainKind.effectiveMacsPerDsp(c);
                System.out.printf("length %d %s %-7s: lut=%d (dense %d) mux_lut_per_lane=%.2f dsp48e2=%d"
                        + " effective_macs_per_dsp_per_cycle=%.1f%n", length, p, spec, r.lut(), base, perLane, r.dsp48e2(),
                        effective);
                assertEquals(length, r.dsp48e2());
                assertTrue(r.lut() > base, "a sparse chain adds activation muxes");
            }
        }
        Map<String, Object> eff = castMap(new DspChainKind().figures(
                new DspChainConfig(8, Packing.INT8X2, Sparsity.parse("1:4"))).extra().get("effective_macs_per_dsp_per_cycle"));
        assertEquals(Map.of("dense", 2.0, "1:4", 8.0), eff);
        assertEquals(4.0, DspChainKind.effectiveMacsPerDsp(new DspChainConfig(8, Packing.INT8X2, Sparsity.parse("2:4"))));
        assertEquals(8.0, DspChainKind.effectiveMacsPerDsp(new DspChainConfig(8, Packing.INT8X2, Sparsity.parse("2:8"))));
        assertEquals(2.0, DspChainKind.effectiveMacsPerDsp(new DspChainConfig(8, Packing.NONE, Sparsity.parse("block:4"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
