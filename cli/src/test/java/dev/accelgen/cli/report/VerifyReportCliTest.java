package dev.accelgen.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accelgen.cli.Cli;
import dev.accelgen.reports.PageCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code verify --out} of the demo's model: its report files carry the verdict, the timing model's cycles per
 * op and the quantization error; {@code accelgen report} writes them again byte for byte; the page passes the
 * Chromium check (screenshot target/report-screenshots/verify-tiny-llama.png). The core's Verilator build is the
 * cached one every tiny-llama verification shares.
 */
class VerifyReportCliTest {
    private static final Pattern PASS = Pattern.compile("PASS outputs=(\\d+) rtl_cycles=(\\d+) golden_cycles=(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void verifyLeavesItsReportAndReportWritesItAgainByteForByte() throws Exception {
        Path out = tmp.resolve("v");
        Cli r = Cli.run("verify", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "w4a8", "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Matcher pass = PASS.matcher(r.lastLine());
        assertTrue(pass.matches(), r.lastLine());
        assertTrue(r.outLines().contains("report: " + out.toAbsolutePath().resolve("report/report.html")), r.out());
        assertEquals(List.of(".accelgen-output", "hw.json", "plan.json", "program.bin", "program.lst", "report", "report-data", "rtl",
                "verify.txt", "weights"), names(out));
        assertEquals(List.of("estimate_layer_cycles.json", "estimate_network_performance.json", "provenance.json",
                "quantization_error.json", "report.html", "verification.json"), names(out.resolve("report")));
        assertEquals(r.out().substring(r.out().indexOf("sequence: ")), Files.readString(out.resolve("verify.txt")));

        JsonNode v = LayerCycles.json(out.resolve("report/verification.json"));
        assertEquals("PASS", v.get("status").asText());
        JsonNode run = v.get("results").get(0);
        assertEquals("zoo:tiny-llama prefill of 4 rows + 4 decode steps", run.get("name").asText());
        assertEquals("end_to_end", run.get("level").asText());
        assertEquals(Long.parseLong(pass.group(1)), run.get("outputs_compared").asLong());
        assertEquals(Long.parseLong(pass.group(2)), run.get("rtl_cycles").asLong());
        assertEquals(Long.parseLong(pass.group(3)), run.get("golden_cycles").asLong());
        assertEquals(1, run.get("seed").asLong());
        assertEquals("accelgen verify zoo:tiny-llama --board zcu104 --scheme w4a8 --seed 1 --out v", run.get("command").asText());
        assertTrue(v.get("tools").get("verilator").asText().startsWith("Verilator 5."), v.get("tools").toString());

        // every op plan.json times (a different writer of the same estimate) is a layer with its cycles
        LayerCycles.equalPlanJson(out, true);

        // the quantization error per weight product is what model run prints for the same seed
        Cli run1 = Cli.run("model", "run", "zoo:tiny-llama", "--scheme", "w4a8", "--seed", "1");
        JsonNode q = LayerCycles.json(out.resolve("report/quantization_error.json"));
        assertTrue(run1.out().contains("layer /q/MatMul [w4a8] max_abs=" + String.format(Locale.ROOT, "%.3e", q.get("layers").get(0).get("max_abs")
                .asDouble())), q.get("layers").get(0) + " vs\n" + run1.out());

        Path copy = tmp.resolve("copy");
        assertEquals(0, Cli.run("report", out.toString(), "--out", copy.toString()).exit());
        for (String f : names(out.resolve("report"))) {
            assertEquals(Files.readString(out.resolve("report").resolve(f)), Files.readString(copy.resolve(f)), f);
        }
        String page = Files.readString(out.resolve("report/report.html"));
        Files.delete(out.resolve("report/report.html"));
        assertEquals(0, Cli.run("report", out.toString()).exit());
        assertEquals(page, Files.readString(out.resolve("report/report.html")));

        assertEquals(74, PageCheck.renderAndCheck("verify-tiny-llama", out.resolve("report"), "zoo:tiny-llama on zcu104 (w4a8)"));
    }

    @Test
    void synthAndForceNeedAnOutputDirectory() {
        Cli r = Cli.run("verify", "zoo:tiny-llama", "--board", "zcu104", "--synth");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: --synth: only applies with --out DIR\n", r.err());
        assertFalse(r.out().contains("PASS"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
