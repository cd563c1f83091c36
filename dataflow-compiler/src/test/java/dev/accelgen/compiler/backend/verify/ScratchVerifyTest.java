package dev.accelgen.compiler.backend.verify;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.compile.Frontend;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.model.PortTiming;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

class ScratchVerifyTest {
    @Test
    void run() {
        MemoryTarget zcu = new MemoryTarget("zcu104", "PS_DDR4", 4, 128, 2L << 30);
        String[][] ms = {{"zoo:tiny-llama", "w4a8"}, {"zoo:tiny-encoder", "int8"}, {"zoo:tiny-mmfree", "ternary"}, {"zoo:tiny-moe-vit", "w4a8"}};
        for (String[] m : ms) {
            Frontend f = Frontend.load(m[0], m[1], null, 0, 64, 1);
            Compiled c = Compiler.plan(f, zcu, PlanOptions.defaults());
            boolean enc = !c.lir().sequence().incremental();
            ModelVerify.Report r = ModelVerify.run(c, new ModelVerify.Options(4, enc ? 0 : 4, 1, new PortTiming(20, 64), false),
                    EngineModels.all(), new PrintWriter(System.err, true));
            System.out.println(m[0] + " " + m[1]);
            r.lines().forEach(System.out::println);
        }
    }
}
