package dev.accelgen.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmissionTest {
    @TempDir
    Path tmp;

    @Test
    void everyConstructIsLintCleanUnderVerilatorAndYosys() {
        for (int w : new int[] {6, 8, 13}) {
            Lint.assertClean(Hdl.elaborate(new KitchenSink(w), new KitchenSink(w)), tmp.resolve("w" + w));
        }
    }

    @Test
    void emissionIsByteIdenticalAcrossRuns() {
        Design first = Hdl.elaborate(new KitchenSink(8), new KitchenSink(8));
        Design second = Hdl.elaborate(new KitchenSink(8), new KitchenSink(8));
        assertEquals(first.files(), second.files());
    }

    @Test
    void identicalChildrenAreElaboratedAndEmittedOnce() {
        Design d = Hdl.elaborate(new KitchenSink(8), new KitchenSink(8));
        assertEquals(List.of("leaf_w8.v", "kitchen_sink_w8.v"), d.sourceFiles());
        assertEquals(List.of("VENDOR_ADD.v"), d.simOnlyFiles());
        String top = d.files().get("kitchen_sink_w8.v");
        assertTrue(top.contains("    leaf_w8 leaf_0 (\n        .x(a),\n"), top);
        assertTrue(top.contains("    leaf_w8 leaf_1 ("), top);
    }

    @Test
    void keywordsAreEscapedAndDerivedNamesComeFromTheDrivenSignal() {
        String top = Hdl.elaborate(new KitchenSink(8), new KitchenSink(8)).files().get("kitchen_sink_w8.v");
        assertTrue(top.contains("input  wire [7:0] reg_,"), top);
        assertTrue(top.contains("reg  [7:0] wire_;"), top);
        assertTrue(top.contains("(* keep = \"true\" *) reg  [7:0] wire_;"), top);
        assertTrue(top.contains("(* ram_style = \"block\" *)"), top);
        assertTrue(top.contains("(* ram_style = \"distributed\" *)"), top);
        assertTrue(top.contains("always @(posedge clk2 or negedge rst2_n) begin"), top);
        assertTrue(!top.matches("(?s).*_zz_.*"), "no global counter names");
    }

    @Test
    void manifestDescribesPortsClockResetStreamsAndParameters() {
        Design d = Hdl.elaborate(new KitchenSink(8), new KitchenSink(8));
        String m = d.files().get("kitchen_sink_w8.manifest.json");
        assertTrue(m.contains("\"top\": \"kitchen_sink_w8\""), m);
        assertTrue(m.contains("\"name\": \"s\",\n      \"direction\": \"in\",\n      \"width\": 8,\n      \"signed\": true"), m);
        assertTrue(m.contains("\"params\": {\n    \"width\": 8\n  }"), m);
        assertTrue(m.contains("\"streams\": [\n    {\n      \"name\": \"in\",\n      \"direction\": \"in\",\n"
                + "      \"valid\": \"in_valid\",\n      \"ready\": \"in_ready\",\n      \"data\": [\"in_data\"]"), m);
        assertTrue(m.contains("\"sim_files\": [\"VENDOR_ADD.v\"]"), m);
    }

    @Test
    void ramStyleHintsAreHonouredByYosys() {
        // 64 x 16 fits either resource (Yosys 0.23 cannot map large LUTRAMs for xcup).
        for (RamStyle style : new RamStyle[] {RamStyle.BLOCK, RamStyle.DISTRIBUTED}) {
            Design d = TestGen.elaborate("ram_" + style.name().toLowerCase(), b -> {
                UInt addr = b.input("addr", UInt.type(6));
                UInt data = b.input("data", UInt.type(16));
                Bool we = b.input("we", Bool.type());
                Mem<UInt> m = b.mem("store", UInt.type(16), 64, style);
                m.write(we, addr, data);
                b.output("q", UInt.type(16)).set(m.readSync(Bool.TRUE, addr, "store_q"));
            });
            Path dir = Lint.emit(d, tmp.resolve(style.name()));
            Lint.Result r = Lint.run(List.of("yosys", "-p", "read_verilog " + d.topName() + ".v; synth_xilinx -family xcup"
                    + " -noiopad -noclkbuf -top " + d.topName() + "; stat"), dir);
            assertEquals(0, r.code(), r.output());
            String stat = r.output().substring(r.output().lastIndexOf("Number of cells"));
            boolean bram = stat.contains("RAMB36E2") || stat.contains("RAMB18E2");
            assertEquals(style == RamStyle.DISTRIBUTED, stat.contains("RAM64X1"), stat);
            assertEquals(style == RamStyle.BLOCK, bram, r.output());
        }
    }
}
