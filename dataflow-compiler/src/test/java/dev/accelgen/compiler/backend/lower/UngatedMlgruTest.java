package dev.accelgen.compiler.backend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.vector.arith.ActArith;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import dev.accelgen.pe.vector.arith.MlgruFxArith;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** VMLGRU with the g row {@link SequenceRules#NO_GATE} outputs its state h unchanged, for any f, c and h. */
class UngatedMlgruTest {
    @Test
    void constantGateRowPassesTheStateThrough() {
        assertEquals(EltwiseArith.ONE, ActArith.apply(ActFn.SIGMOID, SequenceRules.NO_GATE));
        long seed = Long.getLong("accelgen.seed", 7);
        System.out.println("seed=" + seed + " (-Daccelgen.seed)");
        Random rng = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            int f = rng.nextInt(1 << 22) - (1 << 21);
            int c = rng.nextInt(1 << 22) - (1 << 21);
            int h = i < 2 ? (i == 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE) : rng.nextInt();
            MlgruFxArith.Step s = MlgruFxArith.step(f, c, SequenceRules.NO_GATE, h);
            assertEquals(s.h(), s.o(), "f " + f + " c " + c + " h " + h);
        }
    }
}
