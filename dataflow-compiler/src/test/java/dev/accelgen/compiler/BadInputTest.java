package dev.accelgen.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.errors.ModelError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One negative test per bad-input class: each is a one-line error naming the file and the problem. */
class BadInputTest {
    @TempDir
    Path tmp;

    static final Path ONNX = Path.of("src/test/resources/onnx");

    private static String fail(String spec) {
        return fail(spec, Map.of());
    }

    private static String fail(String spec, Map<String, Integer> dims) {
        ModelError e = assertThrows(ModelError.class,
                () -> ModelLoader.load(spec, dims, BuildOptions.weightless()));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void truncatedOnnxFile() throws Exception {
        byte[] full = Files.readAllBytes(ONNX.resolve("qdq.onnx"));
        Path p = tmp.resolve("cut.onnx");
        Files.write(p, Arrays.copyOf(full, full.length / 2));
        String m = fail(p.toString());
        assertTrue(m.startsWith(p + ": not an ONNX model or truncated (protobuf parse failed: "), m);
    }

    @Test
    void nonOnnxFile() throws Exception {
        Path p = tmp.resolve("notes.onnx");
        Files.writeString(p, "these are my notes, not a model\n");
        String m = fail(p.toString());
        assertTrue(m.startsWith(p + ": not an ONNX model"), m);
    }

    @Test
    void unknownOpNamesTypeNodeAndOpset() {
        assertEquals(ONNX.resolve("ops/unknown-op.onnx") + ": unknown op type Det (node det, domain ai.onnx, opset 17)",
                fail(ONNX.resolve("ops/unknown-op.onnx").toString()));
    }

    @Test
    void dynamicDimensionWithoutBound() {
        assertEquals(ONNX.resolve("dynamic.onnx") + ": input x dimension 0 is dynamic ('batch') without a bound (give one with --dim batch=N)",
                fail(ONNX.resolve("dynamic.onnx").toString()));
        Graph g = ModelLoader.load(ONNX.resolve("dynamic.onnx").toString(), Map.of("batch", 3), BuildOptions.weightless()).graph();
        assertEquals("float32[3,8]", g.type(g.outputs().get(0)).toString());
    }

    @Test
    void inconsistentShapes() {
        assertEquals(ONNX.resolve("bad-shapes.onnx") + ": node /fc2/Gemm (Gemm): MatMul operands [2,32] and [8,24] disagree on the inner dimension",
                fail(ONNX.resolve("bad-shapes.onnx").toString()));
    }

    @Test
    void missingExternalDataFile() throws Exception {
        Path p = tmp.resolve("model.onnx");
        Files.copy(ONNX.resolve("external/model.onnx"), p);
        String m = fail(p.toString());
        assertTrue(m.startsWith(p + ": external data file weights.bin of tensor "), m);
        assertTrue(m.endsWith(" is missing"), m);
    }

    @Test
    void missingFile() {
        assertEquals("nope/model.onnx: no such file (give an .onnx file, a config.json or zoo:<name>)", fail("nope/model.onnx"));
    }

    @Test
    void configMissingRequiredKey() throws Exception {
        Path p = tmp.resolve("config.json");
        Files.writeString(p, "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64, \"num_hidden_layers\": 2,"
                + " \"num_attention_heads\": 4, \"vocab_size\": 100}", StandardCharsets.UTF_8);
        assertEquals(p + ": missing required key 'intermediate_size'", fail(p.toString()));
    }

    @Test
    void configWithInvalidValues() throws Exception {
        Path p = tmp.resolve("config.json");
        Files.writeString(p, "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64, \"intermediate_size\": 128,"
                + " \"num_hidden_layers\": 2, \"num_attention_heads\": 5, \"vocab_size\": 100}");
        assertEquals(p + ": key 'num_attention_heads' is 5, must be > 0 and divide hidden_size 64", fail(p.toString()));
        Files.writeString(p, "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": \"big\"}");
        assertEquals(p + ": key 'hidden_size' must be an integer (got \"big\")", fail(p.toString()));
    }

    @Test
    void configThatIsNotJsonOrNotSupported() throws Exception {
        Path p = tmp.resolve("config.json");
        Files.writeString(p, "{\"hidden_size\": 64,");
        assertTrue(fail(p.toString()).startsWith(p + ": not valid JSON ("));
        Files.writeString(p, "{\"architectures\": [\"GPT2LMHeadModel\"]}");
        assertEquals(p + ": unsupported architecture 'GPT2LMHeadModel' (supported: LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM, HGRNBitForCausalLM, M3ViT, AccelgenHybrid)",
                fail(p.toString()));
        Files.writeString(p, "{\"hidden_size\": 64}");
        assertEquals(p + ": missing required key 'architectures' (or 'model_type')", fail(p.toString()));
    }

    @Test
    void aGraphWithNoNodesIsSaidToHaveNoNodes() {
        Path p = EdgeModelsTest.EDGE.resolve("empty-graph.onnx");
        assertEquals(p + ": the ONNX graph has no nodes: there is nothing to compile", fail(p.toString()));
    }

    @Test
    void aStaticSizeZeroDimensionIsNotCalledDynamic() {
        Path p = EdgeModelsTest.EDGE.resolve("zero-dim.onnx");
        assertEquals(p + ": input x dimension 0 has static size 0 (empty tensors are not supported)", fail(p.toString()));
    }

    @Test
    void aDirectoryIsSaidToBeADirectory() {
        assertEquals(tmp + ": is a directory, not a file", fail(tmp.toString()));
    }

    @Test
    void tensorsOfTwoToThe31ElementsOrMoreAreRefusedBeforeAllocation() throws Exception {
        Path huge = EdgeModelsTest.EDGE.resolve("huge-dim.onnx");
        assertEquals(huge + ": value x: a tensor of shape [100000,100000] has more than the 2,147,483,639 elements one tensor"
                + " can hold", fail(huge.toString()));
        assertEquals(ONNX.resolve("dynamic.onnx") + ": value x: a tensor of shape [2147483647,16] has more than the"
                + " 2,147,483,639 elements one tensor can hold", fail(ONNX.resolve("dynamic.onnx").toString(), Map.of("batch", Integer.MAX_VALUE)));
        // an initializer that declares [65536, 65536] floats and carries none
        OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(ONNX.resolve("qdq.onnx")));
        OnnxMl.GraphProto.Builder g = m.getGraph().toBuilder();
        g.setInitializer(0, g.getInitializer(0).toBuilder().clearDims().addDims(65536).addDims(65536).clearRawData().clearFloatData());
        Path p = tmp.resolve("big-weight.onnx");
        Files.write(p, m.toBuilder().setGraph(g).build().toByteArray());
        assertEquals(p + ": a tensor of shape [65536,65536] has more than the 2,147,483,639 elements one tensor can hold",
                fail(p.toString()));
    }

    @Test
    void configSizesPastTheirLimitsAreRefusedBeforeTheGraphIsBuilt() throws Exception {
        Path p = tmp.resolve("config.json");
        Files.writeString(p, "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64, \"intermediate_size\": 128,"
                + " \"num_hidden_layers\": 1000000000, \"num_attention_heads\": 4, \"vocab_size\": 100}");
        assertEquals(p + ": key 'num_hidden_layers' is 1,000,000,000, more than the 1,024 accelgen builds graphs for",
                fail(p.toString()));
    }
}
