package dev.accelgen.cli.boards;

import dev.accelgen.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code generate zoo:tiny-llama} for both boards writes complete bundles: every file, the kernel wiring in the
 * vendor scripts (evaluated under tclsh with the Vivado commands stubbed), host programs that compile against the
 * project's stubs (XRT API headers, py_compile), and a run plan whose golden outputs come from the golden model.
 * The RTL itself runs in tests/cocotb/test_accel_bundle.py.
 */
class ModelBundleCliTest {
    /** The fpga-boards test resources: vendor Tcl stubs and XRT API stub headers. */
    private static final Path BOARD_TEST_RESOURCES = Path.of("..", "fpga-boards", "src", "test", "resources").toAbsolutePath();

    @TempDir
    static Path tmp;
    static Path u280;
    static Path zcu104;

    @BeforeAll
    static void generate() {
        u280 = generate("u280");
        zcu104 = generate("zcu104");
    }

    private static Path generate(String board) {
        Path out = tmp.resolve(board);
        Cli r = Cli.run("generate", "zoo:tiny-llama", "--board", board, "--out", out.toString(), "--prompt-len", "2",
                "--decode-steps", "1");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p);
    }

    private static String top(Path bundle) throws Exception {
        Matcher m = Pattern.compile("\"kernel\": \"([a-z0-9_]+)\"").matcher(read(bundle.resolve("golden/golden.json")));
        assertTrue(m.find());
        return m.group(1);
    }

    private static TreeSet<String> files(Path bundle) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(bundle)) {
            s.filter(Files::isRegularFile).forEach(f -> out.add(bundle.relativize(f).toString()));
        }
        return out;
    }

    private static List<String> nonRtl(Path bundle) throws Exception {
        return files(bundle).stream().filter(f -> !f.startsWith("rtl/")).toList();
    }

    private static String run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    /** The vendor calls a script makes under tclsh with Vivado's commands stubbed (one per line). */
    private static List<String> stubbedCalls(Path script) throws Exception {
        Path calls = tmp.resolve("calls-" + script.getFileName() + ".txt");
        run(tmp, List.of("tclsh", BOARD_TEST_RESOURCES.resolve("tcl/vendor_stubs.tcl").toString(), calls.toString(),
                script.toString(), "2022.2"));
        return Files.readAllLines(calls);
    }

    private static void rtlIsComplete(Path bundle) throws Exception {
        String top = top(bundle);
        List<String> sim = List.of(read(bundle.resolve("rtl/" + top + "_sim.f")).split("\\s+"));
        TreeSet<String> expected = new TreeSet<>(sim);
        expected.addAll(List.of(top + ".f", top + "_sim.f", top + ".manifest.json"));
        TreeSet<String> rtl = new TreeSet<>();
        files(bundle).stream().filter(f -> f.startsWith("rtl/") && !f.startsWith("rtl/status_leds_"))
                .forEach(f -> rtl.add(f.substring(4)));
        assertEquals(expected, rtl, "rtl/ holds the kernel's sources and lists and nothing else");
        assertTrue(read(bundle.resolve("rtl/" + top + ".v")).contains("output wire interrupt"), "UG1393's interrupt port");
    }

    @Test
    void u280BundleIsComplete() throws Exception {
        assertEquals(List.of(".accelgen-output", "README.md", "build.sh", "compiled/hw.json", "compiled/plan.json", "compiled/program.bin",
                "compiled/program.lst", "golden/golden.json", "golden/output.bin", "host/xrt/Makefile", "host/xrt/accel_config.h",
                "host/xrt/host_xrt.cpp", "vitis/gen_xo.tcl", "vitis/link.cfg", "vitis/package_kernel.tcl",
                "vitis/version_check.tcl", "weights/mem0.bin"), nonRtl(u280));
        rtlIsComplete(u280);
        assertTrue(Files.isExecutable(u280.resolve("build.sh")));
        String top = top(u280);
        assertTrue(read(u280.resolve("vitis/link.cfg")).endsWith("[connectivity]\nnk=" + top + ":1:" + top + "_1\nsp=" + top
                + "_1.m_axi_gmem0:HBM[0]\nslr=" + top + "_1:SLR0\n"), read(u280.resolve("vitis/link.cfg")));
    }

    @Test
    void u280PackagingDeclaresEveryRegisterAndTheInterrupt() throws Exception {
        List<String> calls = stubbedCalls(u280.resolve("vitis/gen_xo.tcl"));
        String top = top(u280);
        String addFiles = calls.stream().filter(c -> c.startsWith("add_files -norecurse")).findFirst().orElseThrow();
        assertTrue(addFiles.contains("/rtl/" + top + ".v") && !addFiles.contains("DSP48E2.v"),
                "synthesis sources without the DSP48E2 simulation model: " + addFiles);
        List<String> registers = new ArrayList<>();
        for (String c : calls) {
            Matcher m = Pattern.compile("^ipx::add_register -quiet (\\S+) ").matcher(c);
            if (m.find()) {
                registers.add(m.group(1));
            }
        }
        assertEquals(List.of("CTRL", "GIER", "IP_IER", "IP_ISR", "mem0", "prog_offset", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
                "STATUS"), registers);
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("ipx::associate_bus_interfaces -busif m_axi_gmem0 -clock ap_clk")),
                String.join("\n", calls));
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("ipx::infer_bus_interface interrupt xilinx.com:signal:interrupt_rtl:1.0")));
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("package_xo -xo_path ") && c.contains("-kernel_name " + top)));
    }

    @Test
    void u280HostCompilesAgainstTheXrtStubs() throws Exception {
        run(u280.resolve("host/xrt"), List.of("g++", "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-I",
                BOARD_TEST_RESOURCES.resolve("xrt-stub").toString(), "host_xrt.cpp"));
        String header = read(u280.resolve("host/xrt/accel_config.h"));
        assertTrue(header.contains("#define ACCEL_REG_STATUS 0x5Cu\n"), header);
        assertTrue(header.contains("#define ACCEL_NUM_RUNS 2\n"), header);
        assertTrue(header.contains("    {0u, 2u, 0u, 8u, 0u, 0u, 0u, 0u, 0u},\n    {0u, 1u, 2u, 8u, 0u, 0u, 0u, 0u, 0u},\n"),
                "prefill of 2 rows from position 0, then one row at position 2, context 8\n" + header);
    }

    @Test
    void zcu104BundleIsComplete() throws Exception {
        assertEquals(List.of(".accelgen-output", "README.md", "build.sh", "compiled/hw.json", "compiled/plan.json", "compiled/program.bin",
                "compiled/program.lst", "constraints/zcu104.xdc", "golden/golden.json", "golden/output.bin", "host/c/Makefile",
                "host/c/accel_config.h", "host/c/accel_host.c", "host/pynq/accel_pynq.py", "vivado/create_project.tcl",
                "vivado/version_check.tcl"), nonRtl(zcu104).stream().filter(f -> !f.startsWith("weights/")).toList());
        int ports = files(zcu104).stream().filter(f -> f.startsWith("weights/")).toList().size();
        Matcher hw = Pattern.compile("\"ports\" *: *(\\d+)").matcher(read(zcu104.resolve("compiled/hw.json")));
        assertTrue(hw.find());
        assertEquals(Integer.parseInt(hw.group(1)), ports, "one image per port of the configuration");
        rtlIsComplete(zcu104);
        List<String> calls = stubbedCalls(zcu104.resolve("vivado/create_project.tcl"));
        assertTrue(calls.contains("set_property -dict {CONFIG.NUM_SI " + ports + " CONFIG.NUM_MI 1} mem_sc"), String.join("\n", calls));
        for (int p = 0; p < ports; p++) {
            assertTrue(calls.contains(String.format("connect_bd_intf_net accel_0/m_axi_gmem%d mem_sc/S%02d_AXI", p, p)),
                    "master " + p + " into the memory SmartConnect\n" + String.join("\n", calls));
        }
        assertTrue(calls.contains("connect_bd_net accel_0/interrupt ps_0/pl_ps_irq0 leds_0/irq"), String.join("\n", calls));
    }

    @Test
    void zcu104HostsCompile() throws Exception {
        run(zcu104.resolve("host/c"), List.of("gcc", "-std=c11", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "accel_host.c"));
        run(zcu104, List.of("python3", "-c", "import py_compile; py_compile.compile('host/pynq/accel_pynq.py', cfile='"
                + tmp.resolve("accel_pynq.pyc") + "', doraise=True)"));
    }

    @Test
    void gemmOnlyAndCompilerOnlyOptionsAreRefused() throws Exception {
        Cli r = Cli.run("generate", "zoo:tiny-llama", "--board", "u280", "--out", tmp.resolve("x").toString(), "--rows", "4");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: --rows, --cols, --k, --data-bits, --max-burst, --max-outstanding, --no-estimate: apply to"
                + " builtin:gemm only; a compiled model's configuration comes from the compiler (--scheme, --plan, --hw)\n", r.err());
        r = Cli.run("generate", "builtin:gemm", "--board", "u280", "--out", tmp.resolve("y").toString(), "--scheme", "w4a8");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: --scheme, --plan, --hw, --seq-len, --int8-unit: apply to compiled models, not builtin:gemm\n",
                r.err());
        assertFalse(Files.exists(tmp.resolve("x")) || Files.exists(tmp.resolve("y")));
    }
}
