package dev.accelgen.cli.boards;

import dev.accelgen.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** accelgen boards / generate: output, exit codes and the no-partial-output rule. */
class BoardsCliTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void boardsListsTheBuiltIns() {
        Run r = run("boards");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("zcu104   xczu7ev-ffvc1156-2-e     vivado_bd      100 MHz  Xilinx Zynq"), r.out());
        assertTrue(r.out().contains("\nu280     xcu280-fsvh2892-2L-e     vitis_kernel   300 MHz  Xilinx Alveo U280"), r.out());
    }

    @Test
    void showPrintsABoardAndAUserBoardJson() throws Exception {
        Run r = run("boards", "show", "u280");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("  platform      xilinx_u280_gen3x16_xdma_1_202211_1\n"), r.out());
        Run json = run("boards", "show", "zcu104", "--json");
        Path mine = tmp.resolve("myboard.json");
        Files.writeString(mine, json.out().replace("\"name\": \"zcu104\"", "\"name\": \"mylab\""));
        Run user = run("boards", "show", mine.toString());
        assertEquals(0, user.exit(), user.err());
        assertTrue(user.out().startsWith("mylab  Xilinx Zynq UltraScale+ MPSoC ZCU104"), user.out());
    }

    @Test
    void unknownBoardIsExit2WithOneLine() {
        Run r = run("boards", "show", "vcu118");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: unknown board 'vcu118'; use one of zcu104, u280 or a path to a board.json file\n",
                r.err());
    }

    @Test
    void generateWritesTheBundleAndPrintsItsTree() {
        Path out = tmp.resolve("zb");
        Run r = run("generate", "builtin:gemm", "--board", "zcu104", "--out", out.toString(), "--no-estimate");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith(out + "\n├── README.md\n├── build.sh\n├── constraints/\n│   └── zcu104.xdc\n"), r.out());
        assertTrue(r.out().contains("│   └── create_project.tcl\n") || r.out().contains("    ├── create_project.tcl\n"), r.out());
        assertTrue(Files.isExecutable(out.resolve("build.sh")));
        assertTrue(Files.exists(out.resolve("rtl/gemm_r4_c4_k8_d32_b16_o4.v")));
    }

    @Test
    void banksMapTheKernelOntoSeveralHbmPseudoChannels() throws Exception {
        Path out = tmp.resolve("ub");
        Run r = run("generate", "builtin:gemm", "--board", "u280", "--banks", "HBM[4:7]", "--out", out.toString(),
                "--no-estimate");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("vitis/link.cfg")).contains("\nsp=gemm_r4_c8_k8_d256_b64_o8_1.m_axi_gmem:HBM[4:7]\n"));
        Path ddr = tmp.resolve("ddr1");
        Run d = run("generate", "builtin:gemm", "--board", "u280", "--banks", "DDR[1]", "--out", ddr.toString(), "--no-estimate");
        assertEquals(0, d.exit(), d.err());
        String link = Files.readString(ddr.resolve("vitis/link.cfg"));
        assertTrue(link.endsWith("\nsp=gemm_r4_c8_k8_d256_b64_o8_1.m_axi_gmem:DDR[1]\n# no slr=: the board data does not say which SLR"
                + " DDR[1] attaches to; v++ places gemm_r4_c8_k8_d256_b64_o8_1\n"), "DDR[1] is not claimed for SLR0\n" + link);
        Run z = run("generate", "builtin:gemm", "--board", "zcu104", "--banks", "HBM[0]", "--out", tmp.resolve("x").toString());
        assertEquals(2, z.exit());
        assertEquals("accelgen: error: --banks: board zcu104 uses flow vivado_bd; memory banks are chosen only for"
                + " vitis_kernel boards\n", z.err());
    }

    /**
     * Every builtin:gemm example of fpga-boards/README.md runs (the U280 one used to exit 2), with --no-estimate to keep
     * the test short and the outputs moved into a temporary directory; the compiled-model examples run in
     * ModelBundleCliTest.
     */
    @Test
    void fpgaBoardsReadmeGemmExamplesRun() throws Exception {
        String readme = Files.readString(Path.of("..", "fpga-boards", "README.md"));
        Files.writeString(tmp.resolve("my_board.json"), run("boards", "show", "zcu104", "--json").out());
        List<String> examples = readme.lines().filter(l -> l.startsWith("accelgen generate builtin:gemm")).toList();
        assertEquals(4, examples.size(), readme);
        for (String line : examples) {
            List<String> args = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line.split("#")[0]);
            while (m.find()) {
                args.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            args.remove(0);
            int out = args.indexOf("--out");
            args.set(out + 1, tmp.resolve("readme").resolve(args.get(out + 1)).toString());
            int board = args.indexOf("--board");
            if (args.get(board + 1).endsWith(".json")) {
                args.set(board + 1, tmp.resolve(args.get(board + 1)).toString());
            }
            args.add("--no-estimate");
            Run r = run(args.toArray(new String[0]));
            assertEquals(0, r.exit(), line + "\n" + r.err());
        }
    }

    @Test
    void aUserBoardJsonDrivesTheBundle() throws Exception {
        Path board = tmp.resolve("my_u280.json");
        Files.writeString(board, run("boards", "show", "u280", "--json").out().replace("\"name\": \"u280\"", "\"name\": \"my_u280\"")
                .replace("xilinx_u280_gen3x16_xdma_1_202211_1", "xilinx_u280_gen3x16_xdma_1_202310_1")
                .replace("\"max\": \"2023.2\"", "\"max\": \"2024.1\""));
        Path out = tmp.resolve("mine");
        Run r = run("generate", "builtin:gemm", "--board", board.toString(), "--out", out.toString(), "--no-estimate");
        assertEquals(0, r.exit(), r.err());
        String build = Files.readString(out.resolve("build.sh"));
        assertTrue(build.contains("PLATFORM=xilinx_u280_gen3x16_xdma_1_202310_1\n"), build);
        assertTrue(build.contains("-gt 20241 ]"), build);
    }

    @Test
    void badInputIsExit2AndWritesNothing() throws Exception {
        Path out = tmp.resolve("never");
        Run model = run("generate", "model.onnx", "--board", "u280", "--out", out.toString());
        assertEquals(2, model.exit());
        assertEquals("accelgen: error: model.onnx: no such file (give an .onnx file, a config.json or zoo:<name>)\n",
                model.err());
        Run board = run("generate", "builtin:gemm", "--board", "zc104", "--out", out.toString());
        assertEquals(2, board.exit());
        assertEquals("accelgen: error: --board: unknown board 'zc104'; use one of zcu104, u280 or a path to a board.json"
                + " file\n", board.err());
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"schema\": \"accelgen-board/1\",");
        Run json = run("generate", "builtin:gemm", "--board", broken.toString(), "--out", out.toString());
        assertEquals(2, json.exit());
        assertEquals("accelgen: error: --board: " + broken + ": not valid JSON at line 1, column 31: Unexpected"
                + " end-of-input within/between Object entries\n", json.err());
        Run k = run("generate", "builtin:gemm", "--board", "zcu104", "--k", "65", "--out", out.toString());
        assertEquals(2, k.exit());
        assertEquals("accelgen: error: k = 65 out of range, must be 1..64\n", k.err());
        assertFalse(Files.exists(out));
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        Run busy = run("generate", "builtin:gemm", "--board", "zcu104", "--out", taken.toString(), "--no-estimate");
        assertEquals(2, busy.exit());
        assertEquals("accelgen: error: --out " + taken + ": is a directory with files accelgen did not write (notes.txt);"
                + " move them away or give a new directory\n", busy.err());
        assertEquals("mine", Files.readString(taken.resolve("notes.txt")));
    }
}
