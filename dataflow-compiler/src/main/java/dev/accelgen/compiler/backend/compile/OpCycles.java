package dev.accelgen.compiler.backend.compile;

import dev.accelgen.compiler.backend.codegen.CodeGen;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.model.AccelModel;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expected cycles per LIR op from {@code AccelModel}'s timing-only mode: the programs of the first k ops (k = 0..n)
 * run one prefill and one decode step each, and op k costs the difference between the programs with and without
 * it (ops overlap in the queues, so a difference is the op's share of the run's length). The prefill covers one
 * chunk of rows (the whole sequence of a whole-sequence model); the decode step is one row after it. Memory: every
 * port at full width, {@link #LATENCY} cycles from request to data.
 */
public final class OpCycles {
    /** Memory latency of the estimate, in cycles. */
    public static final int LATENCY = 40;

    /** One op's cycles in the prefill and the decode step (-1: the model has no decode steps). */
    public record Op(int op, String kind, String value, long prefill, long decode) {
    }

    /** Per op, and the whole runs. */
    public record Estimate(int prefillRows, int decodePosition, List<Op> ops, long prefill, long decode) {
    }

    private OpCycles() {
    }

    public static Estimate of(Compiled c, ComputeEngines engines) {
        LirModel lir = c.lir();
        boolean decoder = lir.sequence().incremental();
        int prefillRows = decoder ? Math.min(c.chunkRows(), c.context() - 1) : c.context();
        prefillRows = Math.max(1, prefillRows);
        long[] pre = new long[lir.ops().size() + 1];
        long[] dec = new long[lir.ops().size() + 1];
        for (int k = 0; k <= lir.ops().size(); k++) {
            CodeGen.Generated g = CodeGen.generate(lir, c.hw(), c.tiles(), c.layout(), c.chunkRows(), k);
            byte[] program = ProgramBinary.write(new Program(g.instrs(), c.program().hwHash(), c.program().modelHash()));
            pre[k] = cycles(c, engines, program, StartBeat.of(prefillRows, 0, c.context()));
            dec[k] = decoder && prefillRows < c.context() ? cycles(c, engines, program, StartBeat.of(1, prefillRows, c.context())) : -1;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < lir.ops().size(); i++) {
            LirOp op = lir.ops().get(i);
            String value = op.outputs().isEmpty() ? op.inputs().get(0).name() : op.outputs().get(0).name();
            ops.add(new Op(i, op.tag().name().toLowerCase(Locale.ROOT), value, pre[i + 1] - pre[i],
                    dec[i + 1] < 0 ? -1 : dec[i + 1] - dec[i]));
        }
        int n = lir.ops().size();
        return new Estimate(prefillRows, decoder ? prefillRows : -1, ops, pre[n], dec[n]);
    }

    private static long cycles(Compiled c, ComputeEngines engines, byte[] program, StartBeat start) {
        List<byte[]> images = new ArrayList<>();
        List<PortTiming> timing = new ArrayList<>();
        for (int p = 0; p < c.hw().ports(); p++) {
            images.add(p == 0 ? program : new byte[0]);
            timing.add(new PortTiming(LATENCY, c.hw().portBytes()));
        }
        ModelResult r = new AccelModel(c.hw(), AccelModel.Mode.TIMING, engines).run(new CoreRun(images, timing, 0, List.of(start), 0,
                100_000_000L));
        if (r.timedOut() || r.illegalReason() != null) {
            throw new IllegalStateException("the timing model did not finish the program: "
                    + (r.timedOut() ? "timeout" : r.illegalReason()));
        }
        return r.totalCycles();
    }
}
