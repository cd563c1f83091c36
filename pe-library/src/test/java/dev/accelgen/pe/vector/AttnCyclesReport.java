package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.attn.AttnModel;
import dev.accelgen.pe.vector.harness.EngineBench;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.sim.OutputEvent;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints VATTN's cycles per key at steady state and per query row, from the cycle model (which the RTL matches
 * cycle for cycle), for headDim 8, 64, 128 at V = 8, 16, 64. A report, not part of the default suite:
 * {@code mvn -B -pl pe-library -am test -Psweep -Dtest=AttnCyclesReport -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("sweep")
class AttnCyclesReport {
    private static long cycles(AttnConfig c, int headDim, int rows, int keys, boolean first) {
        int w = (headDim + c.lanes() - 1) / c.lanes();
        VecInstr.VAttn v = new VecInstr.VAttn(Deps.NONE, first, true, true, Opnd.imm(rows), headDim, Opnd.imm(keys),
                Opnd.imm(0), w, Opnd.imm(4096), w, Opnd.imm(8192), w, Opnd.imm(12288), w, Opnd.imm(0), Opnd.imm(1 << 14));
        EngineBench bench = new EngineBench(c.vec().geometry(), () -> new AttnModel(c),
                new EngineRun(List.of(), List.of(new EngineRun.Issue(v, 0))));
        List<OutputEvent> done = bench.run(null).events().stream().filter(e -> e.stream().equals("done")).toList();
        assertEquals(1, done.size());
        return done.get(0).cycle() - 1;
    }

    @Test
    void printCyclesPerKey() {
        int tile = 256;
        System.out.println("| headDim | V | cycles/key (steady) | extra cycles/row (first tile) | (later tile) | 1 row x 256 keys |");
        System.out.println("|---|---|---|---|---|---|");
        for (int headDim : new int[] {8, 64, 128}) {
            for (int lanes : new int[] {8, 16, 64}) {
                AttnConfig c = new AttnConfig(new VecEngineConfig(lanes, 128, 16, 8), 128, tile);
                double perKey = (cycles(c, headDim, 1, tile, true) - cycles(c, headDim, 1, tile / 2, true)) / (tile / 2.0);
                long perRowFirst = cycles(c, headDim, 2, tile, true) - cycles(c, headDim, 1, tile, true)
                        - Math.round(perKey * tile);
                long perRowLater = cycles(c, headDim, 2, tile, false) - cycles(c, headDim, 1, tile, false)
                        - Math.round(perKey * tile);
                System.out.printf("| %d | %d | %.0f | %d | %d | %d |%n", headDim, lanes, perKey, perRowFirst, perRowLater,
                        cycles(c, headDim, 1, tile, true));
            }
        }
    }
}
