package dev.accelgen.compiler.backend.compile;

import dev.accelgen.compiler.backend.codegen.CodeGen;
import dev.accelgen.compiler.backend.layout.Content;
import dev.accelgen.compiler.backend.layout.LayoutPlanner;
import dev.accelgen.compiler.backend.layout.RegionNames;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.plan.HwPlanner;
import dev.accelgen.compiler.backend.plan.LaneAlignment;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.compiler.backend.plan.ProgramNeeds;
import dev.accelgen.compiler.backend.plan.TilePlan;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The back end: a LIR model to a configuration (planned for the model and board, or given), a program and its
 * memory layout. A planned configuration processes {@link #CHUNK_ROWS} rows at a time (whole-sequence models all
 * their rows at once) and gets buffers sized to what the program uses; a given configuration keeps its RTL, takes
 * the largest chunk its ABUF and SBUF hold, and refuses a model needing a unit, vector instruction or capacity it
 * lacks.
 */
public final class Compiler {
    /** Rows of a run a planned configuration holds on chip at once (prompts longer than this run in chunks). */
    public static final int CHUNK_ROWS = 32;
    /** The largest chunk tried on a given configuration. */
    static final int MAX_CHUNK_ROWS = 1024;
    /** Keys per attention tile on a planned configuration. */
    public static final int KEY_TILE = 64;

    private Compiler() {
    }

    /**
     * Loads and lowers {@code model} ({@link Frontend}) and compiles it for {@code hw} ({@code hwSource} names it in
     * errors), or for a configuration planned for it and the board when {@code hw} is null.
     */
    public static Compiled compile(String model, String scheme, java.nio.file.Path planFile, MemoryTarget target, HwConfig hw,
                                   String hwSource, int seqLen, PlanOptions options, long seed) {
        int keyTile = hw == null ? KEY_TILE : Math.min(KEY_TILE, hw.maxKeyTile());
        Frontend front = Frontend.load(model, scheme, planFile, seqLen, keyTile, seed);
        return hw == null ? plan(front, target, options) : onConfig(front, target, hw, hwSource);
    }

    /** Plans a configuration for {@code front} on {@code target}. */
    public static Compiled plan(Frontend front, MemoryTarget target, PlanOptions options) {
        LirModel lir = front.lir();
        String name = coreName(front.source(), front.plan().defaultScheme().label());
        HwConfig draft = HwPlanner.draft(name, lir, target, options);
        TilePlan tiles = TilePlan.of(lir, draft, name);
        int rc = lir.sequence().incremental() ? CHUNK_ROWS : lir.sequence().positions();
        Generation g = Generation.run(lir, draft, tiles, rc);
        HwConfig hw = HwPlanner.fitted(draft, g.gen().needs());
        return finish(front, target, hw, true, rc, tiles, g);
    }

    /** Compiles {@code front} for the given configuration {@code hw} ({@code source} names it in errors). */
    public static Compiled onConfig(Frontend front, MemoryTarget target, HwConfig hw, String source) {
        LirModel lir = front.lir();
        LaneAlignment.check(lir, hw.lanes(), source);
        if (hw.portBits() != target.portBits() || hw.ports() > target.maxPorts()) {
            throw new PlanError(source, "has " + hw.ports() + " ports of " + hw.portBits() + " bits; board " + target.board()
                    + " offers at most " + target.maxPorts() + " of " + target.portBits());
        }
        TilePlan tiles = TilePlan.of(lir, hw, source);
        int positions = lir.sequence().positions();
        int rc = lir.sequence().incremental() ? Math.min(MAX_CHUNK_ROWS, positions) : positions;
        while (true) {
            Generation g = Generation.run(lir, hw, tiles, rc);
            ProgramNeeds n = g.gen().needs();
            if (n.abufWords() <= hw.abufWords() && n.sbufWords() <= hw.sbufWords()) {
                checkFits(source, hw, n, lir);
                return finish(front, target, hw, false, rc, tiles, g);
            }
            if (!lir.sequence().incremental() || rc == 1) {
                throw new PlanError(source, "has " + hw.abufWords() + " ABUF and " + hw.sbufWords() + " SBUF words; " + lir.name()
                        + " needs " + n.abufWords() + " and " + n.sbufWords() + (lir.sequence().incremental() ? " for one row"
                        : " for its " + positions + " rows (a whole-sequence model keeps every row on chip)"));
            }
            rc = Math.max(1, rc / 2);
        }
    }

    private static void checkFits(String source, HwConfig hw, ProgramNeeds n, LirModel lir) {
        Set<String> missing = new TreeSet<>();
        for (Opcode o : n.vectorOps()) {
            if (!hw.vectorOps().contains(o)) {
                missing.add(o.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new PlanError(source, "lacks the vector instruction" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " that " + lir.name() + " needs");
        }
        if (n.instructions() > hw.imemWords()) {
            throw new PlanError(source, "holds " + hw.imemWords() + " instructions; the program for " + lir.name() + " has "
                    + n.instructions());
        }
    }

    private static Compiled finish(Frontend front, MemoryTarget target, HwConfig hw, boolean planned, int rc, TilePlan tiles,
                                   Generation g) {
        byte[] modelHash = ModelHash.of(front.lir(), front.planLabel(), g.laid().layout(), g.laid().contents());
        Program program = new Program(g.gen().instrs(), HwConfigJson.sha256(hw), modelHash);
        Map<String, Content> contents = new LinkedHashMap<>(g.laid().contents());
        contents.put(RegionNames.PROGRAM, new Content.Bytes(ProgramBinary.write(program)));
        return new Compiled(front, target, hw, planned, rc, tiles, g.laid().layout(), contents, program, g.gen());
    }

    /** The core's name for a model and scheme: lower-case letters, digits and underscores. */
    static String coreName(String source, String scheme) {
        String base = source.replaceFirst("^zoo:", "").replaceAll(".*/", "").replaceAll("\\.(onnx|json)$", "");
        String n = (base + "_" + scheme).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (n.isEmpty() || !Character.isLetter(n.charAt(0))) {
            n = "m_" + n;
        }
        return n.length() > 40 ? n.substring(0, 40).replaceAll("_+$", "") : n;
    }

    /** The program generated twice: once to learn its size, once with the layout that places it. */
    private record Generation(LayoutPlanner.Laid laid, CodeGen.Generated gen) {
        static Generation run(LirModel lir, HwConfig hw, TilePlan tiles, int rc) {
            LayoutPlanner.Laid first = LayoutPlanner.plan(lir, hw, tiles, new byte[0]);
            CodeGen.Generated g = CodeGen.generate(lir, hw, tiles, first.layout(), rc);
            byte[] sized = new byte[ProgramBinary.HEADER_BYTES + 32 * g.instrs().size()];
            LayoutPlanner.Laid laid = LayoutPlanner.plan(lir, hw, tiles, sized);
            CodeGen.Generated again = CodeGen.generate(lir, hw, tiles, laid.layout(), rc);
            if (again.instrs().size() != g.instrs().size()) {
                throw new IllegalStateException("the program's size changed with its layout");
            }
            return new Generation(laid, again);
        }
    }
}
