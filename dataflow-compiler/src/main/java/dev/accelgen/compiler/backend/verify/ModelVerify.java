package dev.accelgen.compiler.backend.verify;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.exec.LirSession;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.pe.accel.core.AccelVerifier;
import dev.accelgen.pe.accel.core.CoreVerifyResult;
import dev.accelgen.pe.accel.matrix.Utilization;
import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.accel.model.AccelModel;
import dev.accelgen.pe.accel.model.ComputeEngines;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies a compiled model end to end: one seeded input sequence (a decoder's prompt and decode steps, or a
 * whole sequence) runs in the accelerator's golden model ({@code AccelModel}, data mode) on the compiled memory
 * images and start beats; its outputs must equal the LIR interpreter's (what {@code model run} computes) bit for bit
 * and reach cosine {@value #MIN_COSINE} against the float interpreter of the model the plan deploys (N:M layers
 * pruned) (when the model's graph covers the sequence: a
 * longer sequence repeats the graph's seeded input rows); then, unless only the golden model is asked
 * for, the core's RTL runs the same in Verilator and must match the golden model event by event and cycle by cycle.
 * The matrix units' utilization comes from the golden run (the RTL's is the same: the cycles match).
 */
public final class ModelVerify {
    public static final double MIN_COSINE = 0.99;
    /** Cycles after which a run is abandoned. */
    static final long MAX_CYCLES = 200_000_000L;

    /**
     * @param promptLen   a decoder's prefill rows
     * @param decodeSteps one-row runs after the prefill
     * @param timing      every port's memory timing
     * @param rtl         whether to run the RTL too
     */
    public record Options(int promptLen, int decodeSteps, long seed, PortTiming timing, boolean rtl) {
    }

    /**
     * The verdict: report lines, the last {@code PASS ...} or {@code FAIL ...}; {@code outputs} the output values
     * compared (0 when the golden model failed before), {@code rtlCycles} -1 when the RTL did not run to the end.
     */
    public record Report(List<String> lines, boolean pass, long goldenCycles, long rtlCycles, int outputs,
                         Map<Integer, Utilization> utilization, double cosine) {
        public String last() {
            return lines.get(lines.size() - 1);
        }
    }

    private ModelVerify() {
    }

    public static Report run(Compiled c, Options o, ComputeEngines engines, PrintWriter progress) {
        LirModel lir = c.lir();
        Schedule s = Schedule.of(lir, o.promptLen(), o.decodeSteps());
        Map<String, Tensor> graphInputs = SeededInputs.of(c.front().graph(), o.seed());
        int graphRows = RunInputs.rows(graphInputs, lir);
        Map<String, Tensor> inputs = RunInputs.extend(graphInputs, lir, s.total());
        List<String> lines = new ArrayList<>();
        lines.add("sequence: " + describe(lir, s) + ", input seed " + o.seed());
        progress.println("interpreting the LIR (" + s.runs().size() + " runs)");
        progress.flush();
        Map<String, int[][]> want = interpret(lir, s, inputs);
        List<byte[]> images = c.images();
        RunInputs.write(images, c.layout(), lir, inputs, s.total(), c.context());
        List<StartBeat> starts = new ArrayList<>();
        for (Schedule.Run r : s.runs()) {
            starts.add(StartBeat.of(r.rows(), r.position(), c.context()));
        }
        List<PortTiming> timing = new ArrayList<>();
        images.forEach(i -> timing.add(o.timing()));
        CoreRun run = new CoreRun(images, timing, 0, starts, o.seed(), MAX_CYCLES);
        progress.println("running the golden model (" + starts.size() + " start beats)");
        progress.flush();
        List<ComputeEngines.Bound> made = new ArrayList<>();
        ModelResult golden = new AccelModel(c.hw(), AccelModel.Mode.DATA, cfg -> {
            List<ComputeEngines.Bound> b = engines.create(cfg);
            made.addAll(b);
            return b;
        }).run(run);
        Map<Integer, Utilization> util = utilization(made);
        util.forEach((u, x) -> lines.add(String.format(Locale.ROOT, "utilization unit %d %s: %s", u,
                c.hw().matrixUnits().get(u).kind(), x)));
        String problem = goldenProblem(golden);
        if (problem != null) {
            lines.add("FAIL golden model: " + problem);
            return new Report(lines, false, golden.totalCycles(), -1, 0, util, Double.NaN);
        }
        Map<String, int[][]> got = OutputRows.read(golden.memories(), c.layout(), lir, s.total(), c.context());
        int values = 0;
        for (int[][] rows : got.values()) {
            values += rows.length * rows[0].length;
        }
        String mismatch = firstMismatch(want, got);
        boolean floatChecked = s.total() <= graphRows;
        double cosine = floatChecked ? cosine(c, graphInputs, got, s.total(), lines) : Double.NaN;
        if (!floatChecked) {
            lines.add("float interpreter: not compared (the model's graph takes " + graphRows + " rows, the sequence has "
                    + s.total() + ")");
        }
        lines.add("golden model: " + golden.totalCycles() + " cycles");
        if (mismatch != null) {
            lines.add("FAIL first mismatch against the LIR interpreter: " + mismatch);
            return new Report(lines, false, golden.totalCycles(), -1, values, util, cosine);
        }
        if (floatChecked && !(cosine >= MIN_COSINE)) {
            lines.add(String.format(Locale.ROOT, "FAIL cosine %.6f against the float interpreter (need >= %s)", cosine, MIN_COSINE));
            return new Report(lines, false, golden.totalCycles(), -1, values, util, cosine);
        }
        if (!o.rtl()) {
            lines.add("PASS outputs=" + values + " golden_cycles=" + golden.totalCycles() + " (golden model only)");
            return new Report(lines, true, golden.totalCycles(), -1, values, util, cosine);
        }
        progress.println("building and running the core in Verilator");
        progress.flush();
        CoreVerifyResult r = AccelVerifier.verify(c.hw(), run);
        if (!r.passed()) {
            lines.add(r.summaryLine());
            return new Report(lines, false, golden.totalCycles(), r.rtl() == null ? -1 : r.rtl().trace().totalCycles(), values, util,
                    cosine);
        }
        long rtlCycles = r.rtl().trace().totalCycles();
        lines.add("PASS outputs=" + values + " rtl_cycles=" + rtlCycles + " golden_cycles=" + golden.totalCycles());
        return new Report(lines, true, golden.totalCycles(), rtlCycles, values, util, cosine);
    }

    private static String describe(LirModel lir, Schedule s) {
        if (!lir.sequence().incremental()) {
            return "one run over the whole sequence of " + s.total() + " rows (this model attends to every row, so it has"
                    + " no decode steps)";
        }
        return "prefill of " + s.runs().get(0).rows() + " rows, then " + (s.runs().size() - 1) + " decode steps of one row";
    }

    private static Map<String, int[][]> interpret(LirModel lir, Schedule s, Map<String, Tensor> inputs) {
        LirSession session = new LirSession(lir);
        Map<String, List<int[]>> rows = new LinkedHashMap<>();
        for (Schedule.Run r : s.runs()) {
            LirSession.Result res = session.run(RunInputs.slice(inputs, lir, r.position(), r.rows()));
            res.fxOutputs().forEach((name, v) -> {
                List<int[]> l = rows.computeIfAbsent(name, k -> new ArrayList<>());
                for (int[] row : v) {
                    l.add(row);
                }
            });
        }
        Map<String, int[][]> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.toArray(new int[0][])));
        return out;
    }

    private static String goldenProblem(ModelResult g) {
        if (g.timedOut()) {
            return "did not finish within " + MAX_CYCLES + " cycles";
        }
        if (g.illegalReason() != null) {
            return g.illegalReason();
        }
        for (int st : g.doneStatus()) {
            if (st != 0) {
                return "done_status " + st;
            }
        }
        return null;
    }

    private static String firstMismatch(Map<String, int[][]> want, Map<String, int[][]> got) {
        for (Map.Entry<String, int[][]> e : want.entrySet()) {
            int[][] w = e.getValue();
            int[][] g = got.get(e.getKey());
            for (int r = 0; r < w.length; r++) {
                for (int col = 0; col < w[r].length; col++) {
                    if (w[r][col] != g[r][col]) {
                        return "output " + e.getKey() + " position " + r + " column " + col + ": expected " + w[r][col] + " actual "
                                + g[r][col];
                    }
                }
            }
        }
        return null;
    }

    /**
     * The worst output cosine of the accelerator's rows against the float model the plan deploys (N:M layers pruned,
     * {@link PrunedReference}) over its first {@code total} rows; the unpruned model's is reported beside it.
     */
    private static double cosine(Compiled c, Map<String, Tensor> inputs, Map<String, int[][]> got, int total, List<String> lines) {
        Graph pruned = PrunedReference.of(c.front().graph(), c.front().plan());
        double worst = Double.POSITIVE_INFINITY;
        if (pruned != null) {
            cosines(c.front().graph(), inputs, got, total, lines, "the float interpreter (unpruned, for information)");
            worst = cosines(pruned, inputs, got, total, lines, "the float interpreter with the plan's N:M pruning");
        } else {
            worst = cosines(c.front().graph(), inputs, got, total, lines, "the float interpreter");
        }
        return worst;
    }

    private static double cosines(Graph g, Map<String, Tensor> inputs, Map<String, int[][]> got, int total, List<String> lines,
                                  String against) {
        Map<String, Tensor> ref = FloatInterpreter.run(g, inputs);
        double worst = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, int[][]> e : got.entrySet()) {
            int[][] rows = e.getValue();
            int cols = rows[0].length;
            float[] a = new float[total * cols];
            float[] b = new float[total * cols];
            float[] f = ref.get(e.getKey()).floats();
            for (int r = 0; r < total; r++) {
                for (int col = 0; col < cols; col++) {
                    a[r * cols + col] = (float) (rows[r][col] / 65536.0);
                    b[r * cols + col] = f[r * cols + col];
                }
            }
            ErrorStats st = ErrorStats.of(Tensor.ofFloats(Shape.of(total, cols), a), Tensor.ofFloats(Shape.of(total, cols), b));
            lines.add("output " + e.getKey() + " against " + against + ": " + st);
            worst = Math.min(worst, st.cosine());
        }
        return worst;
    }

    private static Map<Integer, Utilization> utilization(List<ComputeEngines.Bound> engines) {
        Map<Integer, Utilization> out = new LinkedHashMap<>();
        int unit = 0;
        for (ComputeEngines.Bound b : engines) {
            if (b.engine() instanceof MatrixEngineModel m) {
                out.put(unit++, m.utilization());
            }
        }
        return out;
    }
}
