package dev.accelgen.compiler.backend.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.compile.Frontend;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.model.StartBeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config of three identical layers, estimated from its one-layer build (the layer counted three times), against the
 * golden model's timing run of the whole three-layer program. They differ only where weight offsets move a burst
 * across a 4 KB boundary and where the longer program takes longer to fetch: within 1%.
 */
class LayerProxyTest {
    private static final MemoryTarget U280 = new MemoryTarget("u280", "HBM", 32, 256, 256L << 20);
    private static final String CONFIG = "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64, \"intermediate_size\": 128,"
            + " \"num_hidden_layers\": %d, \"num_attention_heads\": 4, \"num_key_value_heads\": 4, \"vocab_size\": 96}";

    @TempDir
    Path dir;

    @Test
    void oneLayerCountedThreeTimesMatchesTheWholeProgram() throws IOException {
        Path three = Files.writeString(dir.resolve("three.config.json"), String.format(CONFIG, 3));
        EstimateRequest r = new EstimateRequest(three.toString(), "w4a8", null, U280, 460, 4, 16, 300, 0, 1);
        Estimate e = Estimator.estimate(r, EngineCatalog.models());
        assertEquals(3, e.layerCount());
        assertEquals(5, e.layers().size(), "prologue, three layers, epilogue");
        assertTrue(e.method().startsWith("one decoder layer's program timed"), e.method());

        Frontend f = Frontend.load(three.toString(), "w4a8", null, 16, Compiler.KEY_TILE, 1);
        Compiled whole = Compiler.plan(f, U280, PlanOptions.defaults());
        TimingRuns runs = new TimingRuns(whole, EngineCatalog.models(), 32);
        long decode = runs.run(whole.lir().ops().size(), StartBeat.of(1, 15, 16)).cycles();
        long prefill = runs.run(whole.lir().ops().size(), StartBeat.of(4, 0, 16)).cycles();
        assertEquals(decode, e.decode().cycles(), decode * 0.01, "decode: whole " + decode + ", estimate " + e.decode().cycles());
        assertEquals(prefill, e.prefill().cycles(), prefill * 0.01, "prefill: whole " + prefill + ", estimate " + e.prefill().cycles());
    }
}
