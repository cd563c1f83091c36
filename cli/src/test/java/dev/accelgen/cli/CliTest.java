package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    @Test
    void versionComesFromTheBuild() {
        Cli r = Cli.run("--version");
        assertEquals(0, r.exit());
        assertEquals("accelgen 0.1.0", r.out().strip());
    }

    @Test
    void genWritesVerilogFileListAndManifestDeterministically() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run("pe", "gen", "systolic", "--rows", "3", "--cols", "2", "--out", a.toString()).exit());
        assertEquals(0, Cli.run("pe", "gen", "systolic", "--rows", "3", "--cols", "2", "--out", b.toString()).exit());
        String top = "systolic_s8x8_acc32_r3_c2";
        for (String f : new String[] {top + ".v", "systolic_pe_s8x8_acc32.v", top + ".f", top + ".manifest.json"}) {
            assertTrue(Files.isRegularFile(a.resolve(f)), f);
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }

    @Test
    void badParametersAreOneLineExitTwoAndWriteNothing() throws IOException {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("pe", "gen", "systolic", "--rows", "200", "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: rows must be in 1..128 (got 200)\n", r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "no temporary directory left behind");
        }
        Cli unknown = Cli.run("pe", "gen", "systolic", "--rowz", "2", "--out", out.toString());
        assertEquals(2, unknown.exit());
        assertEquals("accelgen: error: Unknown options: '--rowz', '2'; did you mean --rows?"
                + " (see 'accelgen pe gen systolic --help')\n", unknown.err());
    }

    @Test
    void verifyPrintsPassWithEqualCycleCounts() {
        Cli r = Cli.run("pe", "verify", "systolic", "--rows", "2", "--cols", "3", "--vectors", "6", "--seed", "4");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lastLine().matches("PASS outputs=\\d+ rtl_cycles=(\\d+) golden_cycles=\\1"), r.lastLine());
        assertTrue(r.err().contains("seed=4"), r.err());
    }

    @Test
    void verifyManyRandomConfigurationsInOneRun() {
        Cli r = Cli.run("pe", "verify", "systolic", "--configs", "3", "--vectors", "3", "--seed", "11");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lastLine().matches("PASS outputs=\\d+ rtl_cycles=(\\d+) golden_cycles=\\1 configs=3"), r.lastLine());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("config ")).count());
    }

    @Test
    void reportGivesYosysCountsPerMac() {
        Cli r = Cli.run("pe", "report", "systolic", "--rows", "2", "--cols", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"macs_per_cycle\": 4,"), r.out());
        assertTrue(r.out().contains("\"dsp48e2\": 4,"), r.out());
        assertTrue(r.out().contains("\"dsp_per_mac\": 1.0,"), r.out());
    }

    @Test
    void benchPrintsTheTimingFields() {
        Cli r = Cli.run("bench", "hdl", "--rows", "4", "--cols", "4", "--runs", "1");
        assertEquals(0, r.exit(), r.err());
        for (String k : new String[] {"ir_nodes", "elaborate_ms", "check_ms", "emit_ms", "total_ms", "verilog_bytes",
                "peak_heap_mb"}) {
            assertTrue(r.out().contains("\"" + k + "\": "), k + " in " + r.out());
        }
    }

    /** The demo's output: the verified compilation, its report page and JSON, and the bring-up bundle. */
    @Test
    void demoWritesTheReportAndTheBundle() throws IOException {
        Path out = tmp.resolve("demo");
        Cli r = Cli.run("demo", "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("PASS outputs=512 rtl_cycles=12970 golden_cycles=12970", lines.get(lines.size() - 1));
        assertTrue(lines.contains("  report      " + out.resolve("report").resolve("report.html")), r.out());
        for (String f : List.of("program.bin", "hw.json", "verify.txt", "report/report.html", "report/verification.json",
                "report/estimate_layer_cycles.json", "report/estimate_network_performance.json", "report/quantization_error.json",
                "bundle/golden/golden.json", "bundle/vivado/create_project.tcl", "bundle/host/pynq/accel_pynq.py")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    /** The demo refuses a directory holding the user's files before any slow work, and leaves it as it was. */
    @Test
    void demoNeverWritesOverTheUsersFiles() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        Cli r = Cli.run("demo", "--out", out.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(List.of("accelgen: error: --out " + out + ": is a directory with files accelgen did not write (notes.txt); move"
                + " them away or give a new directory"), r.err().lines().toList());
        assertEquals("mine\n", Files.readString(out.resolve("notes.txt")));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count());
        }
    }
}
