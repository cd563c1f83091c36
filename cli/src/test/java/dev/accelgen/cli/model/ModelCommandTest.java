package dev.accelgen.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code model} commands driven through picocli, output captured. */
class ModelCommandTest {
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "model";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = cl.execute(full);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void inspectLlama2_7bPrintsItsExactParameterCount() {
        Run r = exec("inspect", "zoo:llama2-7b");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lines().contains("parameters 6,738,415,616 (shapes only, no weight data)"), r.out());
        assertTrue(r.out().contains("Attention=32"), r.out());
    }

    @Test
    void inspectJsonCarriesTheParameterCountAndPrecision() {
        Run r = exec("inspect", "zoo:mmfreelm-2.7b", "--json", "--scheme", "ternary");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"default_scheme\" : \"ternary\""), r.out());
        assertTrue(r.out().contains("\"MLGRU\" : 32"), r.out());
    }

    @Test
    void inspectM3vitSmallImports() {
        Run r = exec("inspect", "zoo:m3vit-small", "--nodes");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("MoE=6"), r.out());
    }

    @Test
    void runTinyLlamaAgainstOnnxruntimePasses() {
        Run r = exec("run", "zoo:tiny-llama", "--scheme", "int8", "--compare-ort", "--seed", "3");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> lines = r.lines();
        assertTrue(lines.get(lines.size() - 1).startsWith("PASS cosine="), r.out());
        assertTrue(r.out().contains("onnxruntime output max_abs="), r.out());
    }

    @Test
    void runListsTheLayerIrTheAcceleratorRuns() {
        Run r = exec("run", "zoo:tiny-encoder", "--scheme", "int8", "--lir");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> lines = r.lines();
        assertTrue(lines.contains("accelerator: 15 LIR ops, 4 projections (5 weight products), whole sequences of 8 positions, run"
                + " bit-exactly in fixed point"), r.out());
        assertTrue(lines.contains("lir main_graph: whole sequence, 8 positions, 15 ops, 2 states"), r.out());
        assertTrue(lines.contains("  %5 = attention %2 %3 %4 heads 4/4x8 tile 64 cache 0,1"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  %1 = linear %0 int8 32x96 q ") && l.endsWith(" bias parts /qkv/MatMul [0, 32)"
                + " x0.353553, /qkv/MatMul+32 [32, 96)")), r.out());
        Run f = exec("run", "zoo:tiny-encoder", "--scheme", "float");
        assertTrue(f.lines().contains("accelerator: none (a float plan runs the float interpreter only)"), f.out());
    }

    @Test
    void runRefusesAGraphTheAcceleratorCannotRun() {
        Run r = exec("run", "zoo:tiny-llama", "--scheme", "w4a8", "--layer", "/lm_head/MatMul=float");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: zoo:tiny-llama: node /lm_head/MatMul (MatMul): the accelerator back end cannot lower it: scheme"
                + " float runs on no matrix unit; give this layer ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M\n", r.err());
    }

    @Test
    void runFailsWhenTheToleranceIsNotMet() {
        Run r = exec("run", "zoo:tiny-encoder", "--scheme", "w2a8", "--min-cosine", "0.9999999");
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> lines = r.lines();
        assertTrue(lines.get(lines.size() - 1).startsWith("FAIL cosine="), r.out());
    }

    @Test
    void unknownSchemeIsOneLineExit2() {
        Run r = exec("run", "zoo:tiny-llama", "--scheme", "w5a8");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: scheme w5a8: w-bits must be 2, 3, 4 or 8 (got 5)\n", r.err());
        assertEquals("", r.out());
        Run r2 = exec("run", "zoo:tiny-llama", "--scheme", "int4");
        assertEquals(2, r2.exit());
        assertEquals("accelgen: error: scheme must be float, ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M (got int4)\n", r2.err());
    }

    @Test
    void unknownZooModelIsOneLineExit2() {
        Run r = exec("inspect", "zoo:gpt-5");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("accelgen: error: zoo:gpt-5: no such zoo model"), r.err());
    }

    @Test
    void runAConfigFileWithSyntheticWeights(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path cfg = tmp.resolve("config.json");
        java.nio.file.Files.writeString(cfg, "{\"architectures\": [\"HGRNBitForCausalLM\"], \"hidden_size\": 32,"
                + " \"num_hidden_layers\": 1, \"vocab_size\": 40}");
        Run r = exec("run", cfg.toString(), "--scheme", "ternary", "--seed", "2");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lines().get(0).startsWith("model " + cfg + " (config, synthetic weights seed 2, "), r.out());
        assertTrue(r.lines().get(r.lines().size() - 1).startsWith("PASS cosine="), r.out());
    }

    @Test
    void compareOrtOnAConfigIsBadInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path cfg = tmp.resolve("config.json");
        java.nio.file.Files.writeString(cfg, "{\"architectures\": [\"HGRNBitForCausalLM\"], \"hidden_size\": 32,"
                + " \"num_hidden_layers\": 1, \"vocab_size\": 40}");
        Run r = exec("run", cfg.toString(), "--compare-ort");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: " + cfg + ": --compare-ort needs an ONNX model (this is a config-built graph)\n", r.err());
    }

    @Test
    void mmfreelm370mIsTooLargeToSimulate() {
        Run r = exec("run", "zoo:mmfreelm-370m", "--seq-len", "2");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: zoo:mmfreelm-370m: 374,083,584 parameters are too many to simulate with synthetic weights"
                + " (limit 50,000,000); use 'model inspect' for its graph, or run a smaller config\n", r.err());
    }

    @Test
    void truncatedFileIsOneLineExit2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path p = tmp.resolve("m.onnx");
        java.nio.file.Files.write(p, new byte[] {8, 7, 18, 3, 'a'});
        Run r = exec("inspect", p.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("accelgen: error: " + p + ": not an ONNX model"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void calibratesOnProvidedSamples(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        // three samples of tiny-encoder's x [1,8,32]: values 0.01 * i, raw little-endian float32
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(3 * 256 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 3 * 256; i++) {
            b.putFloat((i % 97 - 48) * 0.05f);
        }
        java.nio.file.Path f = tmp.resolve("x.f32");
        java.nio.file.Files.write(f, b.array());
        Run r = exec("run", "zoo:tiny-encoder", "--calib", "x=" + f);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("activations calibrated on 3 provided samples"), r.out());
        java.nio.file.Files.write(f, new byte[100]);
        Run bad = exec("run", "zoo:tiny-encoder", "--calib", "x=" + f);
        assertEquals(2, bad.exit());
        assertEquals("accelgen: error: " + f + ": holds 100 bytes, not a positive multiple of one float32[1,8,32] sample (1024 bytes)\n", bad.err());
    }

    @Test
    void simulatingA7bConfigIsRefused() {
        Run r = exec("run", "zoo:llama2-7b");
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: zoo:llama2-7b: 6,738,415,616 parameters are too many to simulate with synthetic weights"
                + " (limit 50,000,000); use 'model inspect' for its graph, or run a smaller config\n", r.err());
    }
}
