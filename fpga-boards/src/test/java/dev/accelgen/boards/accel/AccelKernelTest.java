package dev.accelgen.boards.accel;

import dev.accelgen.boards.bundle.BundleContent;
import dev.accelgen.boards.bundle.BundleFiles;
import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.shell.AxiLiteControl;
import dev.accelgen.boards.shell.ControlConfig;
import dev.accelgen.boards.shell.RtlChecks;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.core.CoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled accelerator as a kernel: its register map, lint and Yosys cleanliness (tiny-llama's configuration),
 * and the bundle content it yields. Its behaviour through AXI is simulated in tests/bundle_sim.
 */
class AccelKernelTest {
    @TempDir
    Path tmp;

    static HwConfig tinyLlama() throws Exception {
        try (InputStream in = AccelKernelTest.class.getResourceAsStream("/hw/tiny_llama_int8.json")) {
            return HwConfigJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "tiny_llama_int8.json");
        }
    }

    @Test
    void registerMapPutsPointersThenScalarsThenTheStatusWord() throws Exception {
        ControlConfig c = AccelKernel.control(tinyLlama());
        assertEquals(List.of("mem0"), c.args());
        assertEquals(List.of("prog_offset", "r1", "r2", "r3", "r4", "r5", "r6", "r7"), c.scalars());
        assertEquals(0x10, c.argOffset(0));
        assertEquals(0x1C, c.scalarOffset(0));
        assertEquals(0x24, c.scalarOffset(1));
        assertEquals(0x5C, c.statusOffset());
        assertEquals(7, c.addrBits());
    }

    /**
     * Verilator over the whole kernel (core included); Yosys check -assert over what this module adds (the top and
     * its control slave) with the core read as a black box: pe-library checks the core itself, and Yosys takes minutes
     * over it.
     */
    @Test
    void kernelIsLintAndYosysClean() throws Exception {
        HwConfig hw = tinyLlama();
        Design d = Hdl.elaborate(new AccelKernel(), hw);
        assertEquals("accel_kernel_tiny_llama_int8_3fd1c8ce", d.topName());
        Path dir = RtlChecks.emit(d, tmp.resolve("kernel"));
        RtlChecks.lint(dir, d.topName(), d.sourceFiles().stream().map(f -> dir.resolve(f).toString()).toList());
        String core = new CoreConfig(hw, false).moduleName() + ".v";
        String control = new AxiLiteControl().moduleName(AccelKernel.control(hw)) + ".v";
        RtlChecks.run(dir, List.of("yosys", "-q", "-p", "read_verilog -lib " + core + "; read_verilog " + d.topName() + ".v "
                + control + "; hierarchy -check -top " + d.topName() + "; proc; check -assert"));
    }

    @Test
    void bundleContentRunsEveryStartBeatAndChecksEveryOutput() throws Exception {
        HwConfig hw = tinyLlama();
        byte[] image = new byte[4096];
        BundleContent c = AcceleratorBundle.build(BoardCatalog.resolve("u280"), hw, List.of(image),
                List.of(new int[] {2, 0, 8, 0, 0, 0, 0}, new int[] {1, 2, 8, 0, 0, 0, 0}),
                List.of(new AcceleratorBundle.Output("logits/0", 0, 1024, new byte[64])), Map.of(), "test");
        assertEquals(List.of("golden/logits_0.bin", "weights/mem0.bin"), List.copyOf(c.data().keySet()));
        assertEquals(Map.of("mem0", "weights/mem0.bin"), c.inits());
        assertEquals("[0, 2, 0, 8, 0, 0, 0, 0]", java.util.Arrays.toString(c.runs().get(0)), "prog_offset 0, then r1..r7");
        assertEquals("golden/logits_0.bin", c.checks().get(0).path());
        assertTrue(c.synthesisSources().stream().noneMatch(f -> f.equals("DSP48E2.v")), "no simulation model for Vivado");
        assertTrue(BundleFiles.of(c).stream().anyMatch(f -> f.path().equals("vitis/link.cfg")
                && f.text().contains("\nsp=accel_kernel_tiny_llama_int8_3fd1c8ce_1.m_axi_gmem0:HBM[0]\n")));
        assertEquals("a start beat has 3 registers, needs r1..r7", assertThrows(IllegalArgumentException.class,
                () -> AcceleratorBundle.build(BoardCatalog.resolve("u280"), hw, List.of(image), List.of(new int[3]), List.of(),
                        Map.of(), "test")).getMessage());
    }
}
