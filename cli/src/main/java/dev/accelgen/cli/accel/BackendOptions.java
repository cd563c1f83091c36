package dev.accelgen.cli.accel;

import dev.accelgen.boards.AcceleratorMemory;
import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.model.Board;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.compiler.backend.plan.UniversalTiny;
import dev.accelgen.errors.BoardError;
import dev.accelgen.errors.ConfigError;
import dev.accelgen.errors.OptionError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.sim.files.InputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code compile}, {@code verify} and {@code generate} share: the model, board, quantization, configuration and context. */
public final class BackendOptions {
    /** A hw.json is a few kilobytes. */
    static final long MAX_HW_JSON_BYTES = 1L << 20;
    /** The longest context the LIR supports (VATTN's running sum). */
    static final int MAX_SEQ_LEN = 65535;

    @Parameters(index = "0", paramLabel = "MODEL", description = "file.onnx, config.json or zoo:<name>")
    String model;

    @Option(names = "--board", required = true, paramLabel = "BOARD", description = "zcu104, u280, or a board.json")
    String board;

    @Option(names = "--scheme", paramLabel = "S",
            description = "ternary, w{2,3,4,8}a{8,16}, int8, int8-2:4, int8-1:4, int8-2:8 (default: the plan a zoo model ships, else int8)")
    String scheme;

    @Option(names = "--plan", paramLabel = "plan.json",
            description = "quantization plan: {\"default\": S, \"layers\": {\"<node-name pattern>\": S, ...}}")
    Path plan;

    @Option(names = "--hw", paramLabel = "hw.json",
            description = "compile for this configuration (its RTL unchanged) instead of planning one; "
                    + UniversalTiny.SPEC + " is the board's configuration for every tiny zoo model")
    String hw;

    @Option(names = "--seq-len", defaultValue = "0", paramLabel = "N",
            description = "context of a decoder in positions: sizes the KV cache, state and rotary table regions (default: the"
                    + " model's sequence length; the program does not depend on it)")
    int seqLen;

    @Option(names = "--int8-unit", defaultValue = "dsp-chain", paramLabel = "UNIT",
            description = "unit for dense int8 layers of a planned configuration: dsp-chain or systolic (the baseline)")
    String int8Unit;

    @Option(names = "--seed", defaultValue = "1", description = "seed of calibration samples, synthetic weights and inputs (default ${DEFAULT-VALUE})")
    long seed;

    /** The options of {@code MODEL --board B --scheme S --seed N}, every other one at its default. */
    public static BackendOptions of(String model, String board, String scheme, long seed) {
        BackendOptions o = new BackendOptions();
        o.model = model;
        o.board = board;
        o.scheme = scheme;
        o.int8Unit = "dsp-chain";
        o.seed = seed;
        return o;
    }

    public String model() {
        return model;
    }

    /** The --board argument as given (a built-in name or a board.json path). */
    public String boardName() {
        return board;
    }

    public long seed() {
        return seed;
    }

    /** Whether an option that only a compiled model uses was given (quantization, configuration, context). */
    public boolean compilerOptionsGiven() {
        return scheme != null || plan != null || hw != null || seqLen != 0 || !int8Unit.equals("dsp-chain");
    }

    /** Checks the options that need no model, so bad input fails before slow work. */
    public void check() {
        if (scheme != null && plan != null) {
            throw new OptionError("--scheme and --plan", "give one of them: --plan holds the default scheme too");
        }
        if (seqLen < 0 || seqLen > MAX_SEQ_LEN) {
            throw new OptionError("--seq-len " + seqLen, "must be in 1.." + MAX_SEQ_LEN);
        }
        options();
    }

    MemoryTarget target() {
        return AcceleratorMemory.of(board());
    }

    Board board() {
        return board(board);
    }

    /** The board {@code --board} names, its errors reported against the option. */
    public static Board board(String name) {
        try {
            return BoardCatalog.resolve(name);
        } catch (BoardError e) {
            throw new BoardError("--board", e.getMessage(), e);
        }
    }

    /** These options as arguments that compile the same model again ("zoo:tiny-llama --board zcu104 --scheme w4a8 --seed 1"). */
    public String args() {
        StringBuilder b = new StringBuilder(model).append(" --board ").append(board);
        if (plan != null) {
            b.append(" --plan ").append(plan);
        } else {
            b.append(" --scheme ").append(scheme == null ? "int8" : scheme);
        }
        if (hw != null) {
            b.append(" --hw ").append(hw);
        }
        if (seqLen != 0) {
            b.append(" --seq-len ").append(seqLen);
        }
        if (!int8Unit.equals("dsp-chain")) {
            b.append(" --int8-unit ").append(int8Unit);
        }
        return b.append(" --seed ").append(seed).toString();
    }

    public Compiled compile() {
        check();
        MemoryTarget target = target();
        HwConfig given = hw == null ? null : hwConfig(target);
        return Compiler.compile(model, scheme, plan, target, given, hw == null ? "" : "--hw " + hw,
                seqLen, options(), seed);
    }

    private PlanOptions options() {
        return switch (int8Unit) {
            case "dsp-chain" -> new PlanOptions(PlanOptions.Int8Unit.DSP_CHAIN);
            case "systolic" -> new PlanOptions(PlanOptions.Int8Unit.SYSTOLIC);
            default -> throw new OptionError("--int8-unit " + int8Unit, "must be dsp-chain or systolic");
        };
    }

    private HwConfig hwConfig(MemoryTarget target) {
        if (hw.equals(UniversalTiny.SPEC)) {
            return UniversalTiny.of(target);
        }
        byte[] bytes = InputFile.read(Path.of(hw), MAX_HW_JSON_BYTES, "", ConfigError::new);
        return HwConfigJson.read(new String(bytes, StandardCharsets.UTF_8), hw);
    }
}
