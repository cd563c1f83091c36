package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile} and {@code verify} refuse bad input with one line and exit status 2, before writing anything:
 * unknown schemes, plans naming unknown layers or schemes the accelerator cannot run, configurations lacking a unit
 * or vector instruction the model needs, runs past the configured context, and decode steps for whole-sequence models.
 */
class BackendErrorsCliTest {
    @TempDir
    Path dir;

    private void refused(String expected, String... args) {
        Cli r = Cli.run(args);
        assertEquals(ErrorHandler.USER_ERROR, r.exit(), r.err());
        assertEquals("accelgen: error: " + expected, r.err().lines().reduce((a, b) -> b).orElse(""));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    private String out() {
        return dir.resolve("out").toString();
    }

    @Test
    void unknownScheme() {
        refused("--scheme int4: must be float, ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M (got int4)",
                "compile", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "int4", "--out", out());
        refused("--scheme w5a8: w-bits must be 2, 3, 4 or 8 (got 5)",
                "compile", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "w5a8", "--out", out());
    }

    @Test
    void floatRunsOnNoMatrixUnit() {
        refused("--scheme float: runs on no matrix unit; the accelerator needs ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M",
                "compile", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "float", "--out", out());
    }

    @Test
    void planNamingAnUnknownLayer() throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"default\": \"w4a8\", \"layers\": {\"/nosuch/*\": \"int8\"}}");
        refused(plan + ": layer pattern /nosuch/* names no weight MatMul or MoE of main_graph (by node or weight name)",
                "compile", "zoo:tiny-llama", "--board", "zcu104", "--plan", plan.toString(), "--out", out());
    }

    @Test
    void planGivingALayerASchemeTheAcceleratorCannotRun() throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"default\": \"w4a8\", \"layers\": {\"/o/MatMul\": \"float\"}}");
        refused(plan + ": layer pattern /o/MatMul: scheme float runs on no matrix unit; the accelerator needs ternary,"
                + " w{2,3,4,8}a{8,16}, int8 or int8-N:M", "verify", "zoo:tiny-llama", "--board", "zcu104", "--plan", plan.toString());
    }

    @Test
    void ternaryExpertsOfAMixtureOfExperts() {
        refused("--scheme ternary: MoE /Add_8_output_0 cannot run ternary experts: an expert's rows are gathered by token, and a"
                + " gathered MM has no per-row scales; give the MoE another scheme", "verify", "zoo:tiny-moe-vit", "--board", "u280",
                "--scheme", "ternary");
    }

    @Test
    void configurationWithoutTheUnitAModelNeeds() throws IOException {
        Path hw = Files.writeString(dir.resolve("hw.json"), """
                {"name": "ternary_only", "lanes": 8, "abufWords": 2048, "sbufWords": 256, "wbufWords": 512, "ports": 1,
                 "portBits": 128, "matrixUnits": [{"kind": "ternary", "lanes": 8, "aBits": 8, "packing": "base3", "form": "lut62"}],
                 "vectorOps": ["vact", "vattn", "vbinary", "vlayernorm"], "maxRowElems": 128, "maxHeadDim": 8, "maxKeyTile": 64,
                 "queueDepth": 8, "imemWords": 256, "maxBurst": 64, "maxOutstanding": 4}
                """);
        refused("--hw " + hw + ": has no unit for /qkv/MatMul (int8 32x96): it needs a dsp-chain unit with 8-bit packing or a"
                + " signed int8 systolic unit", "compile", "zoo:tiny-encoder", "--board", "zcu104", "--scheme", "int8", "--hw",
                hw.toString(), "--out", out());
    }

    @Test
    void configurationWithoutAVectorInstructionAModelNeeds() throws IOException {
        Path hw = Files.writeString(dir.resolve("hw.json"), """
                {"name": "no_attention", "lanes": 8, "abufWords": 2048, "sbufWords": 256, "wbufWords": 1024, "ports": 1,
                 "portBits": 128, "matrixUnits": [{"kind": "dsp-chain", "length": 4, "packing": "int8x2", "sparsity": "dense"}],
                 "vectorOps": ["vact", "vbinary", "vlayernorm"], "maxRowElems": 128, "maxHeadDim": 8, "maxKeyTile": 64,
                 "queueDepth": 8, "imemWords": 256, "maxBurst": 64, "maxOutstanding": 4}
                """);
        refused("--hw " + hw + ": lacks the vector instruction VATTN that main_graph needs", "compile", "zoo:tiny-encoder",
                "--board", "zcu104", "--scheme", "int8", "--hw", hw.toString(), "--out", out());
    }

    @Test
    void runPastTheConfiguredContext() {
        refused("--prompt-len 6 --decode-steps 4: run to position 10, past the configured context of 8 positions (the KV cache"
                + " rows); compile with a longer --seq-len", "verify", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "w4a8",
                "--prompt-len", "6", "--decode-steps", "4");
    }

    @Test
    void decodeStepsForAWholeSequenceModel() {
        refused("--decode-steps 2: main_graph runs whole sequences of 8 rows (non-causal attention sees every row); it has no"
                + " decode steps, use --decode-steps 0", "verify", "zoo:tiny-encoder", "--board", "zcu104", "--scheme", "int8",
                "--decode-steps", "2");
    }

    @Test
    void schemeAndPlanTogether() {
        refused("--scheme and --plan: give one of them: --plan holds the default scheme too", "compile", "zoo:tiny-llama",
                "--board", "zcu104", "--scheme", "int8", "--plan", "p.json", "--out", out());
    }

    @Test
    void unknownBoard() {
        refused("--board: unknown board 'zcu102'; use one of zcu104, u280 or a path to a board.json file", "compile",
                "zoo:tiny-llama", "--board", "zcu102", "--out", out());
    }

    @Test
    void contextLongerThanTheLirSupports() {
        refused("--seq-len 70000: must be in 1..65535", "compile", "zoo:tiny-llama", "--board", "zcu104", "--seq-len", "70000",
                "--out", out());
    }
}
