package dev.accelgen.reports.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.reports.ReportFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataFilesTest {
    @TempDir
    Path dir;

    @Test
    void writtenDataReadsBackEqual() {
        for (ReportData d : List.of(ReportFixtures.tinyLlama(), ReportFixtures.llama7bU280(), ReportFixtures.systolicToday(),
                ReportFixtures.small())) {
            Path sub = dir.resolve(d.build().model().replaceAll("\\W", "_"));
            ReportDataFiles.write(sub, d);
            assertEquals(d, ReportDataFiles.read(sub));
        }
    }

    @Test
    void buildFileFollowsTheSchema() {
        assertEquals("""
                {
                  "schema": "accelgen-report-data/1",
                  "title": "m on b",
                  "model": "m",
                  "scheme": "int8",
                  "accelgen_version": "0.1.0",
                  "board": {
                    "name": "b",
                    "part": "p",
                    "budget": {
                      "lut": 1000,
                      "ff": 2000,
                      "dsp": 10,
                      "bram36": 5.0,
                      "uram": 2
                    },
                    "memory": "DDR4",
                    "memory_gbps": 10.0,
                    "provenance": {
                      "kind": "specified",
                      "source": "board data",
                      "command": "accelgen boards show b"
                    }
                  },
                  "design": {
                    "clock_mhz": 100.0,
                    "macs_per_cycle": 16,
                    "ports": [
                      {
                        "name": "m0",
                        "bits": 64,
                        "bank": "DDR"
                      }
                    ],
                    "provenance": {
                      "kind": "specified",
                      "source": "hw.json",
                      "command": "accelgen compile m --board b"
                    }
                  }
                }
                """, ReportDataFiles.texts(ReportFixtures.small()).get("build.json"));
    }

    @Test
    void everyProblemNamesTheFileAndTheKey() throws IOException {
        ReportDataFiles.write(dir, ReportFixtures.small());
        Path layers = dir.resolve("layers.json");
        String good = Files.readString(layers);
        assertProblem(layers, good.replace("\"cycles\": 200", "\"cycles\": -5"), "layers[0]: cycles = -5 out of range, must be a finite number >= 0");
        assertProblem(layers, good.replace("\"cycles\": 200,", ""), "layers[0].cycles: is missing");
        assertProblem(layers, good.replace("\"cycles\": 200", "\"cycles\": 200, \"cycels\": 1"),
                "layers[0].cycels: unknown key (known: cycles, mac_lanes, macs, name, offchip_bytes, phase, stall_cycles, unit)");
        assertProblem(layers, good.replace("\"macs\": 2400", "\"macs\": 4000"), "layers[0]: layer L1: 4000 MACs do not fit 16 lanes x 200 cycles");
        assertProblem(layers, good.replace("accelgen-report-data/1", "accelgen-report-data/2"),
                "has schema 'accelgen-report-data/2', this accelgen reads 'accelgen-report-data/1'; rewrite it with the accelgen that reads it");
        assertProblem(layers, "{\n  \"layers\": [", "is not valid JSON at line 2, column 14 (Unexpected end-of-input: expected close"
                + " marker for Array)");
        assertProblem(layers, "[1]", "must hold one JSON object");
    }

    @Test
    void aMissingBuildFileOrAStrayFileIsNamed() throws IOException {
        ReportDataFiles.write(dir, ReportFixtures.small());
        Files.writeString(dir.resolve("notes.json"), "{}");
        ReportDataError e = assertThrows(ReportDataError.class, () -> ReportDataFiles.read(dir));
        assertEquals(dir.resolve("notes.json") + ": is not a report-data file (known: build.json, layers.json, resource-model.json,"
                + " synthesis.json, performance.json, verification.json, quantization.json); remove it or write it under one of"
                + " those names", e.getMessage());
        Files.delete(dir.resolve("notes.json"));
        Files.delete(dir.resolve("build.json"));
        e = assertThrows(ReportDataError.class, () -> ReportDataFiles.read(dir));
        assertEquals(dir.resolve("build.json") + ": is missing; the command that wrote this directory writes it", e.getMessage());
        e = assertThrows(ReportDataError.class, () -> ReportDataFiles.read(dir.resolve("nope")));
        assertEquals(dir.resolve("nope") + ": is not a directory; give the output directory of accelgen compile, verify,"
                + " estimate or demo (it holds report-data/)", e.getMessage());
    }

    private void assertProblem(Path file, String text, String problem) throws IOException {
        String before = Files.readString(file);
        Files.writeString(file, text);
        try {
            ReportDataError e = assertThrows(ReportDataError.class, () -> ReportDataFiles.read(dir));
            assertEquals(file + ": " + problem, e.getMessage());
        } finally {
            Files.writeString(file, before);
        }
    }
}
