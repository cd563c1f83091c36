package dev.accelgen.compiler.backend.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lower.LowerOptions;
import dev.accelgen.compiler.backend.lower.Lowering;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan names a LM head tied to the embedding by the embedding's weight name, and the LIR projection gets that scheme. */
class QuantPlanFileTest {
    @Test
    void tiedLmHeadIsNamedByItsEmbedding() {
        String model = "src/test/resources/configs/tiny-llama.config.json";
        Graph g = ModelLoader.load(model, Map.of(), BuildOptions.synthetic(8, 1)).graph();
        QuantPlan plan = QuantPlanFile.parse("{\"default\": \"w4a8\", \"layers\": {\"model.embed_tokens.weight\": \"int8\"}}", "plan.json", g);
        assertEquals(1, plan.overrides().size());
        assertEquals(Scheme.parse("int8"), plan.overrides().values().iterator().next());
        LirModel lir = Lowering.lower(model, g, plan, Calibration.ranges(g, Calibration.seededSamples(g, 1, 2)), LowerOptions.defaults());
        List<Scheme> schemes = lir.ops().stream().filter(o -> o instanceof LirOp.Linear).map(o -> ((LirOp.Linear) o).p().scheme()).toList();
        assertEquals(Scheme.parse("int8"), schemes.get(schemes.size() - 1));
        assertEquals(Scheme.parse("w4a8"), schemes.get(0));
    }
}
