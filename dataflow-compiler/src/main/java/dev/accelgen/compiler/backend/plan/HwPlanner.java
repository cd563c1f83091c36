package dev.accelgen.compiler.backend.plan;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.Projection;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.accel.matrix.WeightTiles;
import dev.accelgen.pe.dsp.Sparsity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the accelerator for one model on one board: one matrix unit per distinct need of its projections
 * ({@link UnitMatch}, sized by {@link UnitSizing}), the widest vector lanes the model's heads and slices allow (at
 * most 64), as many ports of the board's width as the widest weight beat needs, rows as long as the longest row the
 * model has, and a WBUF bank that holds the largest projection (at most {@link #MAX_WBUF_WORDS} words; larger ones
 * are tiled). The draft leaves ABUF, SBUF, instruction memory and the vector instructions at their limits; the code
 * generator reports what the program uses and {@link #fitted} sizes them.
 */
public final class HwPlanner {
    /**
     * Deepest planned WBUF bank (words) unless one tile of V columns needs more; projections whose tile is larger are
     * split over columns.
     */
    public static final int MAX_WBUF_WORDS = 4096;
    static final int QUEUE_DEPTH = 8;
    static final int MAX_BURST = 64;
    static final int MAX_OUTSTANDING = 4;

    private HwPlanner() {
    }

    /** The draft configuration; {@code name} becomes the core's name. */
    public static HwConfig draft(String name, LirModel m, MemoryTarget target, PlanOptions options) {
        int lanes = LaneAlignment.widest(m, 64);
        List<MatrixUnitSpec> units = units(m, lanes, target.maxPorts() * target.portBits(), options);
        int payload = 1;
        for (MatrixUnitSpec u : units) {
            payload = Math.max(payload, UnitShape.of(u).payloadBits());
        }
        int ports = (payload + target.portBits() - 1) / target.portBits();
        if (ports > target.maxPorts()) {
            throw new PlanError(target.board(), "a weight beat of " + payload + " bits needs " + ports + " ports of "
                    + target.portBits() + " bits, more than the " + target.maxPorts() + " the board's " + target.memory() + " offers");
        }
        HwConfig sizing = new HwConfig(name, lanes, 1 << 20, 1 << 16, 2, ports, target.portBits(), units, Set.of(),
                ModelRows.maxRowElems(m, lanes), ModelRows.maxHeadDim(m), ModelRows.maxKeyTile(m), QUEUE_DEPTH, 1 << 16,
                MAX_BURST, MAX_OUTSTANDING);
        int wbuf = 2;
        int oneBlock = 2;
        for (NamedProjection np : NamedProjection.of(m)) {
            MatrixUnitSpec u = units.get(UnitMap.unitFor(sizing, np));
            boolean sparse = UnitMatch.sparse(np.p());
            wbuf = Math.max(wbuf, WeightTiles.words(u, np.p().k(), np.p().n(), sparse));
            oneBlock = Math.max(oneBlock, WeightTiles.words(u, np.p().k(), Math.min(np.p().n(), lanes), sparse));
        }
        // the smallest tile is one row of column parameters (V columns): a bank holds at least that
        wbuf = Math.max(Math.min(MAX_WBUF_WORDS, pow2(wbuf, 2)), pow2(oneBlock, 2));
        return withBuffers(sizing, sizing.abufWords(), sizing.sbufWords(), wbuf, sizing.imemWords(), HwConfig.ALL_VECTOR_OPS);
    }

    /** The draft with buffers and instruction memory sized to what the program uses, and only its vector instructions. */
    public static HwConfig fitted(HwConfig draft, ProgramNeeds needs) {
        return withBuffers(draft, pow2(needs.abufWords(), 16), pow2(needs.sbufWords(), 16), draft.wbufWords(),
                pow2(needs.instructions(), 16), needs.vectorOps());
    }

    static HwConfig withBuffers(HwConfig c, int abuf, int sbuf, int wbuf, int imem, Set<dev.accelgen.pe.accel.isa.Opcode> ops) {
        return new HwConfig(c.name(), c.lanes(), abuf, sbuf, wbuf, c.ports(), c.portBits(), c.matrixUnits(), ops,
                c.maxRowElems(), c.maxHeadDim(), c.maxKeyTile(), c.queueDepth(), imem, c.maxBurst(), c.maxOutstanding());
    }

    private static int pow2(int n, int min) {
        return Math.max(min, n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1);
    }

    /**
     * One unit per distinct need, in the order the projections first need them, each taking at most
     * {@code maxPayloadBits} weight bits per beat.
     */
    static List<MatrixUnitSpec> units(LirModel m, int lanes, int maxPayloadBits, PlanOptions options) {
        Map<String, List<Projection>> groups = new LinkedHashMap<>();
        Map<String, Projection> first = new LinkedHashMap<>();
        Sparsity sparse = null;
        for (NamedProjection np : NamedProjection.of(m)) {
            if (np.p().scheme() instanceof Scheme.Int8 i && i.sparse() && sparse == null) {
                sparse = new Sparsity.NOfM(i.n(), i.m());
            }
        }
        for (NamedProjection np : NamedProjection.of(m)) {
            String key = key(np.p(), sparse, options);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(np.p());
            first.putIfAbsent(key, np.p());
        }
        List<MatrixUnitSpec> units = new ArrayList<>();
        for (Map.Entry<String, List<Projection>> g : groups.entrySet()) {
            Projection p = first.get(g.getKey());
            Scheme s = p.scheme();
            if (s instanceof Scheme.MixPe mx) {
                units.add(UnitSizing.mixpe(mx, p.group(), g.getValue(), lanes, maxPayloadBits));
            } else if (s instanceof Scheme.Ternary) {
                units.add(UnitSizing.ternary(32 - Integer.numberOfLeadingZeros(p.codes().hi()) + 1, g.getValue(), maxPayloadBits));
            } else if (g.getKey().equals("systolic")) {
                units.add(UnitSizing.systolic());
            } else {
                Scheme.Int8 i = (Scheme.Int8) s;
                units.add(UnitSizing.dsp(i.sparse() ? new Sparsity.NOfM(i.n(), i.m()) : sparse != null ? sparse : new Sparsity.Dense(),
                        g.getValue(), maxPayloadBits));
            }
        }
        if (units.size() > 8) {
            throw new PlanError(m.name(), "needs " + units.size() + " different matrix units; a core holds at most 8 (use fewer schemes)");
        }
        return units;
    }

    /** Projections with the same key share a unit: dense int8 joins the first sparse chain when there is one. */
    private static String key(Projection p, Sparsity firstSparse, PlanOptions options) {
        Scheme s = p.scheme();
        if (s instanceof Scheme.MixPe) {
            return s.label() + "/g" + p.group();
        }
        if (s instanceof Scheme.Ternary) {
            return "ternary/" + p.codes().hi();
        }
        Scheme.Int8 i = (Scheme.Int8) s;
        if (i.sparse()) {
            return "int8-" + i.n() + ":" + i.m();
        }
        if (options.int8Unit() == PlanOptions.Int8Unit.SYSTOLIC) {
            return "systolic";
        }
        return firstSparse != null ? "int8-" + firstSparse.spec() : "int8";
    }
}
