package dev.accelgen.compiler.backend.verify;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.accel.model.AccelModel;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.pe.accel.model.PortContents;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a lab bring-up needs of a compiled model, from the same sequence {@code verify} runs: every port's memory
 * image with the seeded inputs of the whole sequence written in, the start beats (r1..r7) of the prefill and each
 * decode step, and each output region's bytes after the runs as the accelerator's golden model leaves them (the
 * core's RTL matches that model bit for bit and cycle for cycle, which {@code verify} checks).
 *
 * @param images  initial image of each port
 * @param starts  r1..r7 of each run, in order
 * @param outputs each model output's byte range and its golden bytes
 * @param cycles  the golden model's cycles for all runs
 */
public record BringUpRun(List<byte[]> images, List<int[]> starts, List<Output> outputs, long cycles, String sequence) {
    /** An output region: bytes [offset, offset + golden.length) of port {@code port} after the last run. */
    public record Output(String name, int port, long offset, byte[] golden) {
    }

    public static BringUpRun of(Compiled c, int promptLen, int decodeSteps, long seed, ComputeEngines engines) {
        LirModel lir = c.lir();
        Schedule s = Schedule.of(lir, promptLen, decodeSteps);
        Map<String, Tensor> inputs = RunInputs.extend(SeededInputs.of(c.front().graph(), seed), lir, s.total());
        List<byte[]> images = c.images();
        RunInputs.write(images, c.layout(), lir, inputs, s.total(), c.context());
        List<StartBeat> beats = new ArrayList<>();
        List<int[]> starts = new ArrayList<>();
        for (Schedule.Run r : s.runs()) {
            StartBeat b = StartBeat.of(r.rows(), r.position(), c.context());
            beats.add(b);
            starts.add(b.regs());
        }
        List<PortTiming> timing = new ArrayList<>();
        images.forEach(i -> timing.add(new PortTiming(1, c.hw().portBytes())));
        List<byte[]> initial = images.stream().map(byte[]::clone).toList();
        ModelResult golden = new AccelModel(c.hw(), AccelModel.Mode.DATA, engines)
                .run(new CoreRun(images, timing, 0, beats, seed, ModelVerify.MAX_CYCLES));
        if (golden.timedOut() || golden.illegalReason() != null
                || golden.doneStatus().stream().anyMatch(st -> st != 0)) {
            throw new IllegalStateException("the golden model did not complete the bring-up sequence of " + lir.name()
                    + ": " + (golden.timedOut() ? "timed out" : golden.illegalReason() != null ? golden.illegalReason()
                    : "done_status " + golden.doneStatus()));
        }
        List<Output> outputs = new ArrayList<>();
        for (int op = 0; op < lir.ops().size(); op++) {
            if (lir.ops().get(op) instanceof LirOp.Output o) {
                Region r = c.layout().region(RegionNames.output(op));
                long from = r.rowOffset(0, c.context());
                long to = r.rowOffset(s.total() - 1, c.context()) + 4L * o.a().cols();
                PortContents m = golden.memories().get(r.port());
                byte[] all = m.bytes((int) to);
                outputs.add(new Output(o.name(), r.port(), from, Arrays.copyOfRange(all, (int) from, (int) to)));
            }
        }
        String sequence = lir.sequence().incremental()
                ? "prefill of " + s.runs().get(0).rows() + " rows, then " + (s.runs().size() - 1) + " decode steps of one row"
                : "one run over the whole sequence of " + s.total() + " rows";
        return new BringUpRun(initial, starts, outputs, golden.totalCycles(), sequence + ", input seed " + seed);
    }
}
