package dev.accelgen.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.reports.data.ReportData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {
    @Test
    void finnLayerFilesUseFinnsKeys() {
        Map<String, String> files = Reports.files(ReportFixtures.small());
        assertEquals("""
                {
                  "L1": 200,
                  "L2": 100
                }
                """, files.get(Reports.LAYER_CYCLES));
        assertEquals("""
                {
                  "mm": {
                    "BRAM_18K": 3,
                    "LUT": 300,
                    "URAM": 0,
                    "DSP": 8,
                    "FF": 400
                  },
                  "vec": {
                    "BRAM_18K": 0,
                    "LUT": 100,
                    "URAM": 1,
                    "DSP": 0,
                    "FF": 200
                  },
                  "total": {
                    "BRAM_18K": 3,
                    "LUT": 400,
                    "URAM": 1,
                    "DSP": 8,
                    "FF": 600
                  }
                }
                """, files.get(Reports.LAYER_RESOURCES));
    }

    /** Every figure worked out by hand from the data (100 MHz: 1 cycle = 10 ns). */
    @Test
    void networkPerformanceHasFinnsKeysThenOurs() {
        assertEquals("""
                {
                  "critical_path_cycles": 300,
                  "max_cycles": 200,
                  "max_cycles_node_name": "L1",
                  "estimated_throughput_fps": 333333.0,
                  "estimated_latency_ns": 3000.0,
                  "reference_run": "decode step at context 8",
                  "clock_mhz": 100.0,
                  "peak_gops": 3.2,
                  "ports_gbps": 0.8,
                  "board_gbps": 10.0,
                  "prompt_len": 4,
                  "context": 8,
                  "prefill_cycles": 1000,
                  "prefill_ms": 0.01,
                  "decode_cycles": 300,
                  "decode_tokens_per_s": 333333.0,
                  "decode_offchip_bytes": 1200,
                  "decode_gbps": 0.4,
                  "bandwidth_utilization": 0.5,
                  "board_bandwidth_utilization": 0.04,
                  "sweep": [
                    {
                      "context": 4,
                      "prefill_ms": 0.01,
                      "decode_tokens_per_s": 344828.0
                    },
                    {
                      "context": 8,
                      "prefill_ms": 0.02,
                      "decode_tokens_per_s": 333333.0
                    }
                  ],
                  "fits": true,
                  "layers": [
                    {
                      "name": "L1",
                      "phase": "decode",
                      "unit": "mm0",
                      "cycles": 200,
                      "stall_cycles": 50,
                      "macs": 2400,
                      "offchip_bytes": 800,
                      "utilization": 0.75,
                      "gops": 2.4,
                      "ops_per_byte": 6.0
                    },
                    {
                      "name": "L2",
                      "phase": "decode",
                      "unit": "vector",
                      "cycles": 100,
                      "stall_cycles": 0,
                      "macs": 0,
                      "offchip_bytes": 0
                    }
                  ]
                }
                """, Reports.files(ReportFixtures.small()).get(Reports.NETWORK_PERFORMANCE));
    }

    @Test
    void withoutPerformanceTheCriticalPathIsTheSumOfTheLayers() {
        ReportData d = ReportFixtures.small().withPerformance(null);
        NetworkFigures f = NetworkFigures.of(d).orElseThrow();
        assertEquals(300, f.criticalPathCycles());
        assertEquals("decode (sum of layer cycles)", f.referenceRun());
        assertEquals(null, f.prefillMs());
        assertEquals(333333.0, f.throughputPerS());
    }

    @Test
    void filesOfAbsentSectionsAreNotWritten() {
        Map<String, String> files = Reports.files(ReportData.of(ReportFixtures.small().build()));
        assertEquals(List.of(Reports.PROVENANCE, Reports.PAGE), List.copyOf(files.keySet()));
        assertTrue(files.get(Reports.PAGE).contains("data-absent=\"verification\""));
        assertEquals(List.of(Reports.LAYER_CYCLES, Reports.LAYER_RESOURCES, Reports.NETWORK_PERFORMANCE, Reports.VERIFICATION,
                Reports.SYNTHESIS, Reports.QUANTIZATION, Reports.PROVENANCE, Reports.PAGE),
                List.copyOf(Reports.files(ReportFixtures.tinyLlama()).keySet()));
    }

    @Test
    void sameDataSameBytes() {
        for (ReportData d : List.of(ReportFixtures.tinyLlama(), ReportFixtures.llama7bU280(), ReportFixtures.systolicToday())) {
            assertEquals(Reports.files(d), Reports.files(d));
        }
    }

    @Test
    void synthesisReportComparesTheModelWithYosys() {
        String json = Reports.files(ReportFixtures.tinyLlama()).get(Reports.SYNTHESIS);
        // modelled 45,860 LUT against 47,115 measured: (45860 - 47115) / 47115
        assertTrue(json.contains("\"lut\": -0.026637"), json);
        assertTrue(json.contains("\"utilization\": {\n    \"lut\": 0.204492,"), json);
        assertTrue(json.contains("\"fits\": true"), json);
        assertFalse(json.contains("NaN"), json);
    }

    @Test
    void verificationReportCountsAndKeepsEveryCommand() {
        String json = Reports.files(ReportFixtures.tinyLlama()).get(Reports.VERIFICATION);
        assertTrue(json.startsWith("{\n  \"status\": \"PASS\",\n  \"cases\": 4,\n  \"passed\": 4,\n  \"failed\": 0,"), json);
        assertTrue(json.contains("\"command\": \"accelgen pe verify mixpe --w-bits 4 --a-type int8 --group 32 --lanes 64 --cols 4 --seed 11\""));
    }
}
