package dev.accelgen.compiler.backend.estimate;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.compile.Frontend;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.accel.model.RunActivity;
import dev.accelgen.pe.accel.model.StartBeat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code accelgen estimate}: compiles a model for the board's planned configuration (no RTL) and runs its program
 * in the accelerator golden model's timing-only mode, a prefill of the prompt and one decode step at the context.
 * Every figure comes from those runs. A config model is compiled with one decoder layer ({@link LayerProxy}); the
 * programs of its prologue and of prologue plus layer run too, and the layer's share (the difference) is counted
 * once per decoder layer. Memory: every port at its width, or slower where the ports together would exceed the
 * board's physical peak at the clock; {@link TimingRuns#LATENCY} cycles of latency.
 */
public final class Estimator {
    /** The kernel clock assumed unless given: Vitis's default for Alveo kernels. */
    public static final double DEFAULT_CLOCK_MHZ = 300;

    private Estimator() {
    }

    public static Estimate estimate(EstimateRequest r, ComputeEngines engines) {
        LayerProxy proxy = LayerProxy.of(r.model(), r.seed());
        Frontend front = Frontend.of(r.model(), proxy.graph(), r.scheme(), r.planFile(), r.positions(), Compiler.KEY_TILE, r.seed());
        Compiled c = Compiler.plan(front, r.target(), PlanOptions.defaults());
        return estimate(r, c, proxy.layers(), engines);
    }

    /** The estimate of a compilation {@code c} whose one decoder layer stands for {@code layers}. */
    public static Estimate estimate(EstimateRequest r, Compiled c, int layers, ComputeEngines engines) {
        double mhz = r.clockMhz() > 0 ? r.clockMhz() : defaultClock(r.boardGbps(), c.hw().ports(), c.hw().portBytes());
        int bytesPerCycle = bytesPerCycle(r.boardGbps(), mhz, c.hw().ports(), c.hw().portBytes());
        TimingRuns runs = new TimingRuns(c, engines, bytesPerCycle);
        boolean decoder = c.lir().sequence().incremental();
        int prompt = decoder ? r.promptLen() : c.context();
        StartBeat prefillBeat = StartBeat.of(prompt, 0, c.context());
        StartBeat decodeBeat = decoder ? StartBeat.of(1, r.context() - 1, c.context()) : null;
        LayerSpan span = LayerSpan.of(c.lir());
        int[] cuts = layers > 1 ? new int[] {span.layerStart(), span.tailStart(), span.ops()} : new int[] {span.ops()};
        List<RunActivity> pre = new ArrayList<>();
        List<RunActivity> dec = new ArrayList<>();
        for (int k : cuts) {
            pre.add(runs.run(k, prefillBeat));
            dec.add(decodeBeat == null ? null : runs.run(k, decodeBeat));
        }
        List<Estimate.Part> parts = new ArrayList<>();
        RunActivity prefill;
        RunActivity decode;
        String method;
        if (layers > 1) {
            Estimate.Part head = new Estimate.Part("prologue", pre.get(0), dec.get(0));
            Estimate.Part layer = part("layer", pre.get(1), pre.get(0), dec.get(1), dec.get(0));
            Estimate.Part tail = part("epilogue", pre.get(2), pre.get(1), dec.get(2), dec.get(1));
            parts.add(head);
            for (int i = 0; i < layers; i++) {
                parts.add(new Estimate.Part("layer" + i, layer.prefill(), layer.decode()));
            }
            parts.add(tail);
            prefill = pre.get(2).plus(layer.prefill().times(layers - 1));
            decode = decoder ? dec.get(2).plus(layer.decode().times(layers - 1)) : null;
            method = "one decoder layer's program timed (ops " + span.layerStart() + ".." + (span.tailStart() - 1)
                    + " of the one-layer build) and counted " + layers + " times: the config's layers are identical, so their"
                    + " programs are the same instructions at other weight offsets";
        } else {
            parts.add(new Estimate.Part("model", pre.get(0), dec.get(0)));
            prefill = pre.get(0);
            decode = dec.get(0);
            method = "whole program timed";
        }
        return new Estimate(r.model(), r.target().board(), front(c), c.hw(), mhz, prompt, decoder ? r.context() : 0, layers,
                method, bytesPerCycle, r.boardGbps(), parts, prefill, decode, c.programBytes().length,
                decoder && r.unrolledContext() > 0 ? UnrolledSize.of(c, runs, layers, r.unrolledContext()) : null);
    }

    /**
     * {@link #DEFAULT_CLOCK_MHZ}, or the whole MHz at which the ports together move the board's peak when that is lower
     * (ZCU104: four 128-bit ports reach PS DDR4's 17 GB/s at 265 MHz).
     */
    static double defaultClock(double boardGbps, int ports, int portBytes) {
        return Math.min(DEFAULT_CLOCK_MHZ, Math.floor(boardGbps * 1e3 / ((double) ports * portBytes)));
    }

    private static String front(Compiled c) {
        return c.front().planLabel();
    }

    private static Estimate.Part part(String name, RunActivity pre, RunActivity preBefore, RunActivity dec, RunActivity decBefore) {
        return new Estimate.Part(name, pre.minus(preBefore), dec == null ? null : dec.minus(decBefore));
    }

    /**
     * Bytes a port delivers per cycle: its width, unless the ports together would move more than the board's memory
     * can at the clock; then the largest whole number of bytes per port per cycle that stays within the board.
     */
    static int bytesPerCycle(double boardGbps, double mhz, int ports, int portBytes) {
        double boardPerCycle = boardGbps * 1e9 / (mhz * 1e6);
        return (int) Math.max(1, Math.min(portBytes, Math.floor(boardPerCycle / ports)));
    }
}
