package dev.accelgen.compiler.backend.estimate;

import dev.accelgen.compiler.backend.codegen.CodeGen;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.model.AccelModel;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.RunActivity;
import dev.accelgen.pe.accel.model.StartBeat;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs programs of a compilation in {@code AccelModel}'s timing-only mode: the whole program, or the program of its
 * first k LIR ops (the code generator's prefix), from one start beat, every port with the same {@link PortTiming}.
 */
final class TimingRuns {
    /** Cycles from a request to its first data beat. */
    static final int LATENCY = 40;
    /** A run longer than this is reported, not waited for. */
    static final long MAX_CYCLES = 2_000_000_000L;

    private final Compiled c;
    private final ComputeEngines engines;
    private final PortTiming timing;

    TimingRuns(Compiled c, ComputeEngines engines, int bytesPerCycle) {
        this.c = c;
        this.engines = engines;
        this.timing = new PortTiming(LATENCY, bytesPerCycle);
    }

    /** The program of the first {@code ops} LIR ops (all of them: the compiled program) run from {@code start}. */
    RunActivity run(int ops, StartBeat start) {
        byte[] program;
        if (ops == c.lir().ops().size()) {
            program = c.programBytes();
        } else {
            CodeGen.Generated g = CodeGen.generate(c.lir(), c.hw(), c.tiles(), c.layout(), c.chunkRows(), ops);
            program = ProgramBinary.write(new Program(g.instrs(), c.program().hwHash(), c.program().modelHash()));
        }
        return run(program, start);
    }

    /** {@code program} (the bytes of port 0 from offset 0) run from {@code start}. */
    RunActivity run(byte[] program, StartBeat start) {
        List<byte[]> images = new ArrayList<>();
        List<PortTiming> timings = new ArrayList<>();
        for (int p = 0; p < c.hw().ports(); p++) {
            images.add(p == 0 ? program : new byte[0]);
            timings.add(timing);
        }
        AccelModel model = new AccelModel(c.hw(), AccelModel.Mode.TIMING, engines);
        ModelResult r = model.run(new CoreRun(images, timings, 0, List.of(start), 0, MAX_CYCLES));
        if (r.timedOut() || r.illegalReason() != null) {
            throw new IllegalStateException("the timing model did not finish the program: "
                    + (r.timedOut() ? "more than " + MAX_CYCLES + " cycles" : r.illegalReason()));
        }
        return model.activity();
    }
}
