package dev.accelgen.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accelgen.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code compile} leaves the report of every kind of tiny zoo model (decoder, MatMul-free recurrent, MoE, whole-sequence
 * encoder): per op and phase the cycles plan.json lists, and the whole runs of its estimate.
 */
class CompileReportCliTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"zoo:tiny-llama, w4a8, zcu104", "zoo:tiny-mmfree, ternary, zcu104", "zoo:tiny-moe-vit, w4a8, u280",
            "zoo:tiny-encoder, int8, zcu104"})
    void compileLeavesTheTimingModelsCyclesPerOp(String model, String scheme, String board) throws IOException {
        Path out = tmp.resolve("c");
        Cli r = Cli.run("compile", model, "--board", board, "--scheme", scheme, "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.outLines().contains("report: " + out.toAbsolutePath().resolve("report/report.html")), r.out());
        JsonNode plan = LayerCycles.json(out.resolve("plan.json"));
        boolean decoder = plan.get("estimate").has("decodeCycles");
        LayerCycles.equalPlanJson(out, decoder);
        JsonNode perf = LayerCycles.json(out.resolve("report/estimate_network_performance.json"));
        assertEquals(plan.get("estimate").get("prefillCycles").asLong(), perf.get("prefill_cycles").asLong());
        if (decoder) {
            assertEquals(plan.get("estimate").get("decodeCycles").asLong(), perf.get("decode_cycles").asLong());
            assertEquals(perf.get("decode_cycles").asLong(), perf.get("critical_path_cycles").asLong());
        } else {
            assertFalse(perf.has("decode_cycles"));
        }
        assertFalse(Files.exists(out.resolve("report/verification.json")), "compile verifies nothing");
    }
}
