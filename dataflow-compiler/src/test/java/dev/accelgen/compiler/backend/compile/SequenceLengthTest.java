package dev.accelgen.compiler.backend.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.MemoryTarget;
import org.junit.jupiter.api.Test;

/**
 * The program does not depend on the sequence length: compiling tiny-llama for contexts of 16 and 4096 positions
 * gives byte-identical program.bin and hw.json; only the positional regions (KV cache, rotary table, inputs,
 * outputs) grow with the context.
 */
class SequenceLengthTest {
    static final MemoryTarget ZCU104 = new MemoryTarget("zcu104", "PS_DDR4", 4, 128, 2L << 30);

    @Test
    void contextsOf16And4096PositionsCompileToTheSameProgram() {
        Compiled short16 = Compiler.compile("zoo:tiny-llama", "w4a8", null, ZCU104, null, "", 16, PlanOptions.defaults(), 1);
        Compiled long4096 = Compiler.compile("zoo:tiny-llama", "w4a8", null, ZCU104, null, "", 4096, PlanOptions.defaults(), 1);
        assertEquals(16, short16.context());
        assertEquals(4096, long4096.context());
        assertArrayEquals(short16.programBytes(), long4096.programBytes());
        assertEquals(HwConfigJson.write(short16.hw()), HwConfigJson.write(long4096.hw()));
        Region kv = long4096.layout().region("kv.op9");
        assertEquals(Region.Kind.POSITIONAL, kv.kind());
        assertEquals(4096 * kv.rowBytes(), kv.end(4096) - kv.offset());
        assertTrue(long4096.layout().portBytes(kv.port(), 4096) > short16.layout().portBytes(kv.port(), 16) + 4000 * kv.rowBytes());
    }
}
