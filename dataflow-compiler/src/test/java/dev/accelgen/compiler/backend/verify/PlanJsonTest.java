package dev.accelgen.compiler.backend.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.compile.OpCycles;
import dev.accelgen.compiler.backend.compile.PlanJson;
import dev.accelgen.compiler.backend.compile.Summary;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.core.EngineCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * plan.json records every decision of a compilation and the timing model's cycles per op; the summary fits one
 * screen. (Timing runs on the golden engine models.)
 */
class PlanJsonTest {
    @Test
    void tinyLlamaPlanListsUnitsOpsRegionsAndCycles() throws Exception {
        Compiled c = Compiler.compile("zoo:tiny-llama", "w4a8", null, TinyModelsGoldenTest.ZCU104, null, "", 0, PlanOptions.defaults(), 1);
        OpCycles.Estimate est = OpCycles.of(c, EngineCatalog.models());
        JsonNode plan = new ObjectMapper().readTree(PlanJson.write(c, est));
        assertEquals("zoo:tiny-llama", plan.get("model").asText());
        assertEquals("mixpe", plan.at("/hardware/units/0/kind").asText());
        assertEquals(5, plan.at("/hardware/units/0/projections").size(), "qkv, o, gate/up, down and the LM head");
        assertEquals(c.lir().ops().size(), plan.get("ops").size());
        JsonNode qkv = plan.get("ops").get(3);
        assertEquals("linear", qkv.get("kind").asText());
        assertEquals("/q/MatMul+/k/MatMul+/v/MatMul", qkv.at("/mm/0/projection").asText());
        assertEquals(64, qkv.at("/mm/0/tiles/0/words").asInt());
        assertTrue(qkv.get("prefillCycles").asLong() > 0 && qkv.get("decodeCycles").asLong() > 0);
        assertEquals("kv.op9", plan.get("ops").get(9).get("kvCache").asText());
        assertTrue(plan.get("registers").get("r3").asText().startsWith("context"));
        long regions = 0;
        for (JsonNode r : plan.at("/memory/regions")) {
            regions++;
            assertTrue(r.get("offset").asLong() % c.hw().portBytes() == 0, r.toString());
        }
        assertEquals(c.layout().all().size(), regions);
        assertEquals(est.prefill(), plan.at("/estimate/prefillCycles").asLong());
        long sum = 0;
        for (OpCycles.Op op : est.ops()) {
            sum += op.prefill();
        }
        assertTrue(sum < est.prefill(), "the ops' shares add up to the prefill minus the program's own start and end");
        List<String> summary = Summary.lines(c, est);
        assertTrue(summary.size() <= 40, String.join("\n", summary));
        assertTrue(summary.get(0).startsWith("compiled zoo:tiny-llama (w4a8) for zcu104: "), summary.get(0));
    }
}
