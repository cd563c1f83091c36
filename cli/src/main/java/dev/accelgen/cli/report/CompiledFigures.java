package dev.accelgen.cli.report;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.MemoryGroup;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.OpCycles;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.reports.data.BuildInfo;
import dev.accelgen.reports.data.DesignInfo;
import dev.accelgen.reports.data.Layer;
import dev.accelgen.reports.data.LayerTable;
import dev.accelgen.reports.data.MemoryPort;
import dev.accelgen.reports.data.Performance;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled model as report data: what was built (hw.json on the board) and the golden timing model's cycles per
 * op ({@link OpCycles}: one prefill chunk and one decode step, memory at full width). An op's MACs are its
 * projections' rows x K x N (an N:M sparse one's kept products only; MoE expert MMs, which gather a data-dependent number of rows, are not counted); its
 * off-chip bytes are the weight tiles it loads.
 */
public final class CompiledFigures {
    static final String TIMING = "golden timing model (AccelModel, timing-only; memory latency " + OpCycles.LATENCY + " cycles)";

    private CompiledFigures() {
    }

    /** The build, its layers and its whole runs; {@code command} reproduces them. */
    public static ReportData data(Compiled c, OpCycles.Estimate est, Board board, String version, String command) {
        return ReportData.of(build(c, board, version, command)).withLayers(layers(c, est, command))
                .withPerformance(performance(est, command));
    }

    /** {@code command} reproduces the build. */
    public static BuildInfo build(Compiled c, Board board, String version, String command) {
        String scheme = c.front().planLabel();
        return new BuildInfo(c.front().source() + " on " + board.name() + " (" + scheme + ")", c.front().source(), scheme, version,
                BoardFacts.of(board), design(c.hw(), board, command));
    }

    /** The per-op cycles of {@code est} as layers, prefill then decode (or "run" without decode); views left out. */
    public static LayerTable layers(Compiled c, OpCycles.Estimate est, String command) {
        List<Layer> layers = new ArrayList<>();
        boolean decoder = est.decode() >= 0;
        for (OpCycles.Op op : est.ops()) {
            if (op.prefill() != 0) {
                layers.add(layer(c, op, decoder ? "prefill" : "run", op.prefill(), est.prefillRows()));
            }
        }
        if (decoder) {
            for (OpCycles.Op op : est.ops()) {
                if (op.decode() != 0) {
                    layers.add(layer(c, op, "decode", op.decode(), 1));
                }
            }
        }
        return new LayerTable(layers, Provenance.modelled(TIMING, command));
    }

    /** The whole runs of {@code est}: a prefill chunk and one decode step after it; no context sweep. */
    public static Performance performance(OpCycles.Estimate est, String command) {
        boolean decoder = est.decode() >= 0;
        return new Performance(est.prefillRows(), decoder ? est.decodePosition() : est.prefillRows(), est.prefill(),
                decoder ? est.decode() : null, null, List.of(), Provenance.modelled(TIMING, command));
    }

    private static DesignInfo design(HwConfig hw, Board board, String command) {
        MemoryGroup memory = board.memories().get(0);
        List<MemoryPort> ports = new ArrayList<>();
        for (int p = 0; p < hw.ports(); p++) {
            ports.add(new MemoryPort("m" + p, hw.portBits(), memory.via() != null ? "HP" + p : memory.name() + "[" + p + "]"));
        }
        long macs = hw.matrixUnits().stream().mapToLong(MatrixUnitSpec::macsPerCycle).max().orElse(0);
        List<String> units = new ArrayList<>();
        for (MatrixUnitSpec u : hw.matrixUnits()) {
            units.add(u.kind() + " (" + u.macsPerCycle() + " MACs/cycle)");
        }
        return new DesignInfo(board.kernelClockMhz(), macs, ports, Provenance.specified("hw.json " + hw.name() + ": "
                + String.join(", ", units) + ", " + hw.lanes() + " vector lanes, " + hw.ports() + " ports of " + hw.portBits()
                + " bits, at the " + board.name() + " kernel clock", command));
    }

    private static Layer layer(Compiled c, OpCycles.Op op, String phase, long cycles, int rows) {
        long macs = 0;
        long bytes = 0;
        int unit = -1;
        for (Map<String, Object> mm : mms(c.gen().ops().get(op.op()))) {
            unit = (Integer) mm.get("unit");
            if (!(Boolean) mm.get("gather")) {
                macs += computed((long) rows * (Integer) mm.get("k") * (Integer) mm.get("n"), (String) mm.get("scheme"));
            }
            for (Map<String, Object> tile : list(mm.get("tiles"))) {
                bytes += (long) (Integer) tile.get("words") * c.hw().wbufWordBits() / 8;
            }
        }
        String engine = unit < 0 ? "vector" : "mm" + unit + " " + c.hw().matrixUnits().get(unit).kind();
        long lanes = unit < 0 ? 0 : c.hw().matrixUnits().get(unit).macsPerCycle();
        return new Layer(phase + "/op" + op.op() + " " + op.value(), phase, engine, cycles, null, macs, lanes, bytes);
    }

    /**
     * The products a unit computes for {@code dense} MACs of a projection: an N:M sparse one computes only its kept
     * weights' (as the matrix engine model counts them), so a layer never needs more than its lanes.
     */
    private static long computed(long dense, String scheme) {
        return Scheme.parse(scheme) instanceof Scheme.Int8 i && i.sparse() ? dense * i.n() / i.m() : dense;
    }

    private static List<Map<String, Object>> mms(Map<String, Object> op) {
        return op.containsKey("mm") ? list(op.get("mm")) : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
