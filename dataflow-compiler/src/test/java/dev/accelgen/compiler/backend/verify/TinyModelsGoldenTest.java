package dev.accelgen.compiler.backend.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.matrix.Utilization;
import dev.accelgen.pe.accel.model.PortTiming;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every tiny zoo model (and HGRN-Bit's reference form: an MLGRU without output gate), compiled for its own planned
 * configuration, runs a prefill and four decode steps (a whole sequence for the encoders) in the accelerator's golden
 * model: outputs bit-identical to the LIR interpreter, cosine >= 0.99 against the float interpreter, and every matrix
 * unit the model uses at least 90% busy during its instructions. The board's universal tiny configuration runs the
 * same checks in the RTL too ({@link TinyModelsRtlTest}).
 */
class TinyModelsGoldenTest {
    static final MemoryTarget ZCU104 = new MemoryTarget("zcu104", "PS_DDR4", 4, 128, 2L << 30);
    static final MemoryTarget U280 = new MemoryTarget("u280", "HBM", 32, 256, 256L << 20);

    static ModelVerify.Report verify(Compiled c) {
        boolean decoder = c.lir().sequence().incremental();
        StringWriter progress = new StringWriter();
        return ModelVerify.run(c, new ModelVerify.Options(4, decoder ? 4 : 0, 1, new PortTiming(20, c.hw().portBytes()), false),
                EngineCatalog.models(), new PrintWriter(progress));
    }

    static void check(ModelVerify.Report r) {
        assertTrue(r.pass(), String.join("\n", r.lines()));
        assertTrue(r.cosine() >= 0.99, "cosine " + r.cosine());
        for (Map.Entry<Integer, Utilization> u : r.utilization().entrySet()) {
            if (u.getValue().usefulMacs() > 0) {
                assertTrue(u.getValue().fraction() >= 0.90, "unit " + u.getKey() + ": " + u.getValue());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"zoo:tiny-llama, w4a8, zcu104", "zoo:tiny-llama, int8-2:4, u280", "zoo:tiny-mmfree, ternary, zcu104",
            "zoo:tiny-moe-vit, w4a8, u280", "zoo:tiny-encoder, int8, zcu104", "src/test/resources/configs/tiny-hgrn.config.json, ternary, u280"})
    void plannedConfiguration(String model, String scheme, String board) {
        Compiled c = Compiler.compile(model, scheme, null, board.equals("u280") ? U280 : ZCU104, null, "", 0,
                PlanOptions.defaults(), 1);
        assertTrue(c.planned());
        check(verify(c));
    }
}
