package dev.accelgen.boards.bundle;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.shell.RtlChecks;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.BoardJson;
import dev.accelgen.boards.shell.GemmKernelConfig;
import dev.accelgen.errors.BoardError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real bundles of the built-in workload: RTL lint-clean, Tcl flows complete, resource reports from Yosys. */
class BuiltinBundleTest {
    @TempDir
    Path tmp;

    private Path write(Board board, boolean estimate) {
        Path out = tmp.resolve(board.name());
        BundleWriter.write(BundleFiles.of(BuiltinBundle.build(board, BuiltinBundle.defaultConfig(board), 1, estimate)), out, false);
        return out;
    }

    private static String run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    private static void lintEveryTop(Path rtl, List<String> tops) throws Exception {
        for (String top : tops) {
            List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
            try (var s = Files.list(rtl)) {
                s.filter(f -> f.toString().endsWith(".v")).sorted().forEach(f -> cmd.add(f.toString()));
            }
            RtlChecks.lint(rtl, top, cmd.subList(5, cmd.size()));
            run(rtl, List.of("yosys", "-q", "-p", "read_verilog " + String.join(" ", cmd.subList(5, cmd.size()))
                    + "; hierarchy -check -top " + top + "; proc; check -assert"));
        }
    }

    @Test
    void zcu104BundleIsCompleteAndItsRtlLintClean() throws Exception {
        Path b = write(BoardCatalog.resolve("zcu104"), true);
        lintEveryTop(b.resolve("rtl"), List.of("gemm_r4_c4_k8_d32_b16_o4", "status_leds_100mhz"));
        String report = Files.readString(b.resolve("reports/resources.txt"));
        assertTrue(report.contains("\nDSP              16        1728     0.93%        1728     0.93%\n"), report);
        TclStub.Result r = TclStub.run(b.resolve("vivado/create_project.tcl"), "2022.2");
        assertEquals(0, r.exit(), r.stderr());
        r.assertInOrder(List.of("create_project accel_zcu104", "create_bd_design accel_bd",
                "create_bd_cell -type module -reference gemm_r4_c4_k8_d32_b16_o4 accel_0",
                "create_bd_cell -type module -reference status_leds_100mhz leds_0",
                "connect_bd_net accel_0/interrupt ps_0/pl_ps_irq0 leds_0/irq", "validate_bd_design",
                "launch_runs impl_1 -to_step write_bitstream", "write_hw_platform"));
        String xdc = Files.readString(b.resolve("constraints/zcu104.xdc"));
        assertTrue(xdc.contains("set_property -dict {PACKAGE_PIN M11 IOSTANDARD LVCMOS33} [get_ports {cpu_reset}]"), xdc);
        assertTrue(xdc.contains("{PACKAGE_PIN D5 IOSTANDARD LVCMOS33} [get_ports {led[0]}]"), xdc);
        assertTrue(!xdc.contains("CLK_300") && !xdc.contains("btn["), "only the pins the design uses");
        byte[] c = Files.readAllBytes(b.resolve("golden/c.bin"));
        assertEquals(64, c.length);
        assertTrue(Files.readString(b.resolve("README.md")).contains("PASS c 64 bytes match c.bin\n"));
    }

    @Test
    void u280BundleIsCompleteAndItsRtlLintClean() throws Exception {
        // No Yosys run here (the ZCU104 test and ResourceFitTest cover the estimate and the SLR budgets): keeps the suite fast.
        Path b = write(BoardCatalog.resolve("u280"), false);
        lintEveryTop(b.resolve("rtl"), List.of("gemm_r4_c8_k8_d256_b64_o8"));
        TclStub.Result r = TclStub.run(b.resolve("vitis/gen_xo.tcl"), "2023.1");
        assertEquals(0, r.exit(), r.stderr());
        r.assertInOrder(List.of("ipx::package_project", "ipx::infer_bus_interface interrupt xilinx.com:signal:interrupt_rtl:1.0",
                "ipx::add_register -quiet a", "set_property address_offset 0x010", "ipx::add_register -quiet b",
                "set_property address_offset 0x01C", "ipx::add_register -quiet c", "set_property address_offset 0x028",
                "set_property sdx_kernel true", "ipx::check_integrity -kernel",
                "package_xo -xo_path " + b.resolve("build/gemm_r4_c8_k8_d256_b64_o8.xo") + " -kernel_name gemm_r4_c8_k8_d256_b64_o8"));
        assertTrue(Files.readString(b.resolve("vitis/link.cfg")).endsWith("[connectivity]\n"
                + "nk=gemm_r4_c8_k8_d256_b64_o8:1:gemm_r4_c8_k8_d256_b64_o8_1\n"
                + "sp=gemm_r4_c8_k8_d256_b64_o8_1.m_axi_gmem:HBM[0]\nslr=gemm_r4_c8_k8_d256_b64_o8_1:SLR0\n"));
        assertTrue(!Files.exists(b.resolve("constraints")), "a platform kernel needs no XDC");
    }

    @Test
    void generationIsDeterministic() {
        Board z = BoardCatalog.resolve("zcu104");
        List<GeneratedFile> a = BundleFiles.of(BuiltinBundle.build(z, GemmKernelConfig.small(), 5, false));
        List<GeneratedFile> b = BundleFiles.of(BuiltinBundle.build(z, GemmKernelConfig.small(), 5, false));
        assertEquals(a, b);
        assertTrue(a.stream().anyMatch(f -> f.path().equals("golden/a.bin")));
        assertTrue(!Arrays.equals(BuiltinBundle.build(z, GemmKernelConfig.small(), 6, false).data().get("golden/a.bin"),
                BuiltinBundle.build(z, GemmKernelConfig.small(), 5, false).data().get("golden/a.bin")));
    }

    @Test
    void aDesignTooBigForAUserBoardIsRejectedBeforeWriting() {
        Board tiny = BoardJson.parse(BoardCatalog.builtInJson("zcu104").replace("\"name\": \"zcu104\"", "\"name\": \"tiny\"")
                .replace("\"dsp\": 1728", "\"dsp\": 3"), "tiny.json");
        BoardError e = assertThrows(BoardError.class,
                () -> BuiltinBundle.build(tiny, new GemmKernelConfig(1, 4, 4, 32, 16, 4), 1, true));
        assertEquals("design gemm_r1_c4_k4_d32_b16_o4 does not fit board tiny: DSP 4 > 3 available in SLR0;"
                + " use a smaller configuration", e.getMessage());
    }
}
