package dev.accelgen.compiler.backend.compile;

import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.isa.Listing;
import org.junit.jupiter.api.Test;

class ScratchCompileTest {
    @Test
    void print() {
        MemoryTarget zcu = new MemoryTarget("zcu104", "PS_DDR4", 4, 128, 2L << 30);
        for (String[] ms : new String[][] {{"zoo:tiny-llama", "w4a8"}, {"zoo:tiny-mmfree", "ternary"}, {"zoo:tiny-moe-vit", "w4a8"}, {"zoo:tiny-encoder", "int8"}}) {
            Frontend f = Frontend.load(ms[0], ms[1], null, 0, 64, 1);
            Compiled c = Compiler.plan(f, zcu, PlanOptions.defaults());
            System.out.println(HwConfigJson.write(c.hw()));
            System.out.println(Listing.write(c.program()));
            c.layout().all().forEach(r -> System.out.println(r));
        }
    }
}
