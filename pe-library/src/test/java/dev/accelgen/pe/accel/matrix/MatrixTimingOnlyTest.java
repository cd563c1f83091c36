package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.harness.EngineBench;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.sim.OutputEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Timing-only runs give the data runs' cycles: every ABUF write and every {@code done} in the same cycle, for
 * random workloads (gather MMs told their token count through {@code rows}).
 */
class MatrixTimingOnlyTest {
    @Test
    void timingOnlyRunsTakeTheCyclesOfDataRuns() {
        long seed = Long.getLong("accelgen.seed", 9);
        System.out.println("matrix timing-only seed=" + seed);
        Random rng = new Random(seed);
        for (MatrixEngineConfig cfg : TestConfigs.all()) {
            long s = rng.nextLong();
            MatrixWorkload w = MatrixWorkload.random(cfg, new Random(s), 10);
            List<EngineRun.Issue> told = new ArrayList<>();
            for (EngineRun.Issue i : w.run().issues()) {
                Mm m = (Mm) i.instr();
                int count = w.sbuf()[(int) m.sbuf().value()] & 0xFFFF;
                told.add(m.gather() ? new EngineRun.Issue(withRows(m, count), i.idleBefore()) : i);
            }
            EngineGeometry g = EngineGeometry.of(cfg.hw(), true);
            List<OutputEvent> data = new EngineBench(g, () -> new MatrixEngineModel(cfg), w.run()).run(null).events();
            List<OutputEvent> timing = new EngineBench(g, () -> new MatrixEngineModel(cfg, true),
                    new EngineRun(w.run().loads(), told)).run(null).events();
            assertEquals(cycles(data), cycles(timing), cfg.moduleName() + " seed " + s);
        }
    }

    private static List<String> cycles(List<OutputEvent> events) {
        return events.stream().map(e -> e.cycle() + " " + e.stream()).toList();
    }

    private static Mm withRows(Mm m, int rows) {
        return new Mm(m.deps(), m.unit(), m.bias(), m.accumulate(), m.rowScale(), m.gather(), m.overlap(), m.sparse(),
                Opnd.imm(rows), m.k(), m.n(), m.act(), m.actStride(), m.wbank(), m.wAddr(), m.out(), m.outStride(), m.cparam(),
                m.q(), m.qShift(), m.dShift(), m.sbuf());
    }
}
