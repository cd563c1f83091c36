package dev.accelgen.compiler.backend.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.model.PortTiming;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Layers larger than the hardware are split, never refused, and the split changes no bit: on a configuration whose
 * WBUF bank holds 32 words, whose ABUF holds 8 rows of tiny-llama at a time and whose attention tiles hold 4 keys,
 * a 28-row sequence (a prefill of 24 rows in three chunks, then 4 decode steps over 7 key tiles) gives outputs
 * bit-identical to the LIR interpreter, which runs the same key tiles.
 */
class TilingTest {
    @Test
    void columnTilesRowChunksAndKeyTilesMatchTheInterpreter() {
        HwConfig planned = Compiler.compile("zoo:tiny-llama", "w4a8", null, TinyModelsGoldenTest.ZCU104, null, "", 64,
                PlanOptions.defaults(), 1).hw();
        HwConfig small = new HwConfig("tiny_llama_small", planned.lanes(), 320, 256, 32, planned.ports(), planned.portBits(),
                planned.matrixUnits(), planned.vectorOps(), planned.maxRowElems(), planned.maxHeadDim(), 4, planned.queueDepth(),
                planned.imemWords(), planned.maxBurst(), planned.maxOutstanding());
        Compiled c = Compiler.compile("zoo:tiny-llama", "w4a8", null, TinyModelsGoldenTest.ZCU104, small, "test", 64,
                PlanOptions.defaults(), 1);
        assertEquals(8, c.chunkRows(), "320 ABUF words hold 8 rows of every live value at once");
        LirOp.Attention a = (LirOp.Attention) c.lir().ops().stream().filter(op -> op instanceof LirOp.Attention).findFirst().orElseThrow();
        assertEquals(4, a.keyTile());
        assertEquals(List.of(2, 1, 4, 2, 2), tilesPerProjection(c), "qkv 64, o 32, gate/up 128, down 64 and head 64 columns"
                + " in tiles of at most 32 WBUF words");
        StringWriter progress = new StringWriter();
        ModelVerify.Report r = ModelVerify.run(c, new ModelVerify.Options(24, 4, 3, new PortTiming(20, c.hw().portBytes()), false),
                EngineCatalog.models(), new PrintWriter(progress));
        assertTrue(r.pass(), String.join("\n", r.lines()));
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> tilesPerProjection(Compiled c) {
        return c.gen().ops().stream().filter(op -> op.containsKey("mm")).flatMap(op -> ((List<Map<String, Object>>) op.get("mm")).stream())
                .map(mm -> ((List<Object>) mm.get("tiles")).size()).toList();
    }
}
