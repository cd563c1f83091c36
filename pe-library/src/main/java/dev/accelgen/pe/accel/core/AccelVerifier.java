package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.model.AccelModel;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Verifies a program on a core: builds the core's RTL in Verilator (observed build: buffer writes are compared
 * too; cached by content across runs and per configuration within a JVM), runs it on the run's memory images
 * and start beats, runs {@link AccelModel} on the same, and compares every start acceptance, AR, AW, W beat, B,
 * buffer write and {@code done}, cycle by cycle. The result's golden model run holds every port's memory
 * afterwards.
 */
public final class AccelVerifier {
    /** Cycles without events after which the RTL run may stop (beyond the golden run's end). */
    static final int IDLE_LIMIT = 2000;
    private static final Map<CoreConfig, VerilatorModel> BUILDS = new ConcurrentHashMap<>();

    private AccelVerifier() {
    }

    /** The observed core of {@code hw} in Verilator (built once per JVM; the build cache serves later JVMs). */
    public static VerilatorModel model(HwConfig hw) {
        return BUILDS.computeIfAbsent(new CoreConfig(hw, true), AccelVerifier::build);
    }

    private static VerilatorModel build(CoreConfig c) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("accelgen-core-");
            Path manifest = Hdl.elaborate(new AccelCoreRtl(), c).emit(dir);
            return VerilatorModel.build(ManifestReader.read(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                ScratchDirs.deleteQuietly(dir);
            }
        }
    }

    public static CoreVerifyResult verify(HwConfig hw, CoreRun run) {
        ModelResult golden = new AccelModel(hw, AccelModel.Mode.DATA, EngineCatalog.models()).run(run);
        if (golden.timedOut()) {
            return new CoreVerifyResult(false, "FAIL the golden model did not finish within " + run.maxCycles()
                    + " cycles (seed " + run.seed() + ")", "", golden, null);
        }
        RunLimits limits = new RunLimits(4, IDLE_LIMIT, run.maxCycles()).atLeast(golden.totalCycles() + 1);
        RtlRun rtl = model(hw).run(CoreStimulus.of(hw, run), limits);
        return CoreComparator.compare(CoreTrace.golden(hw, golden.events()), CoreTrace.rtl(hw, rtl), golden, rtl,
                names(run), run.seed());
    }

    /** Instruction index to mnemonic, from the program in port 0's image (the index alone if it does not parse). */
    private static IntFunction<String> names(CoreRun run) {
        byte[] image = run.images().get(0);
        try {
            int n = image.length >= run.progOffset() + 16 ? readInt(image, run.progOffset() + 12) : 0;
            Program p = ProgramBinary.read(Arrays.copyOfRange(image, run.progOffset(),
                    run.progOffset() + ProgramBinary.HEADER_BYTES + 32 * n));
            return i -> i < p.instrs().size() ? p.instrs().get(i).opcode().name() : "?";
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return i -> "?";
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
