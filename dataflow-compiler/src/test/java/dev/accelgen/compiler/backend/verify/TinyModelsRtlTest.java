package dev.accelgen.compiler.backend.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.compiler.backend.plan.UniversalTiny;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.model.PortTiming;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every tiny zoo model end to end in the RTL: compiled for the board's universal tiny configuration (one core, so one
 * Verilator build serves all five), a prefill and four decode steps (a whole sequence for the encoders) run in
 * Verilator and in the golden model; outputs bit-identical to the LIR interpreter, cosine >= 0.99 against the float
 * interpreter, the RTL equal to the golden model event by event, and the same cycle count.
 */
class TinyModelsRtlTest {
    @ParameterizedTest
    @CsvSource({"zoo:tiny-llama, w4a8", "zoo:tiny-llama, int8-2:4", "zoo:tiny-mmfree, ternary", "zoo:tiny-moe-vit, w4a8",
            "zoo:tiny-encoder, int8"})
    void universalTinyConfigurationInVerilator(String model, String scheme) {
        Compiled c = Compiler.compile(model, scheme, null, TinyModelsGoldenTest.ZCU104, UniversalTiny.of(TinyModelsGoldenTest.ZCU104),
                UniversalTiny.SPEC, 0, PlanOptions.defaults(), 1);
        boolean decoder = c.lir().sequence().incremental();
        ModelVerify.Report r = ModelVerify.run(c, new ModelVerify.Options(4, decoder ? 4 : 0, 1,
                new PortTiming(20, c.hw().portBytes()), true), EngineCatalog.models(), new PrintWriter(new StringWriter()));
        System.out.println(model + " " + scheme + ": " + r.last());
        TinyModelsGoldenTest.check(r);
        assertTrue(r.rtlCycles() > 0, r.last());
        assertEquals(r.goldenCycles(), r.rtlCycles());
        assertTrue(r.last().startsWith("PASS outputs="), r.last());
    }
}
