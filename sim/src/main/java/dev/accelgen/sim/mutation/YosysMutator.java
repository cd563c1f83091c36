package dev.accelgen.sim.mutation;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.tools.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutants of a unit's RTL with Yosys's {@code mutate}: the unit's files are read, its simulation-only
 * primitive models as black boxes ({@code -lib}, so their insides are never mutated and their instances
 * survive), then {@code hierarchy; proc; flatten; opt_clean}. {@code mutate -list N -seed S} proposes the
 * mutations; one more Yosys run applies each to a fresh copy of that netlist and writes it with the top
 * renamed, so every mutant is a unit of its own with the original ports (and the same harness drives it).
 * The unmutated netlist is written too, as a control: it must pass where the RTL passes.
 */
public final class YosysMutator {
    /** The control netlist and the mutants, as units (manifests) in one directory. */
    public record Mutants(Manifest control, List<Manifest> mutants) {
        public Mutants {
            mutants = List.copyOf(mutants);
        }
    }

    private YosysMutator() {
    }

    /** Up to {@code count} mutations of the flattened netlist (fewer when the design offers fewer). */
    public static List<Mutation> list(Manifest unit, int count, long seed, Path work) {
        Path out = work.resolve("mutations.ys");
        yosys(work, prepare(unit) + "mutate -list " + count + " -seed " + seed + " -o " + out + "\n", "list");
        try {
            List<Mutation> list = new ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                if (!line.isBlank()) {
                    list.add(Mutation.parse(list.size(), line.strip()));
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the control and one mutant per mutation into {@code dir} (tops {@code <top>_ctl}, {@code <top>_m<id>}). */
    public static Mutants write(Manifest unit, List<Mutation> mutations, Path dir) {
        StringBuilder script = new StringBuilder(prepare(unit)).append("design -save base\n");
        script.append(emit(unit, unit.top() + "_ctl", dir, null));
        for (Mutation m : mutations) {
            script.append("design -load base\n").append(emit(unit, unit.top() + "_m" + m.id(), dir, m));
        }
        yosys(dir, script.toString(), "apply");
        try {
            for (String f : unit.simFiles()) {
                Files.copy(unit.dir().resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Manifest> mutants = new ArrayList<>();
        for (Mutation m : mutations) {
            mutants.add(renamed(unit, unit.top() + "_m" + m.id(), dir));
        }
        return new Mutants(renamed(unit, unit.top() + "_ctl", dir), mutants);
    }

    private static String emit(Manifest unit, String top, Path dir, Mutation m) {
        return (m == null ? "" : m.command() + "\n") + "rename " + unit.top() + " " + top + "\n"
                + "write_verilog -noattr " + dir.resolve(top + ".v").toAbsolutePath() + "\n";
    }

    private static Manifest renamed(Manifest unit, String top, Path dir) {
        return new Manifest(top, unit.clock(), unit.reset(), unit.ports(), unit.streams(), unit.readMemories(),
                unit.writeMemories(), unit.params(), List.of(top + ".v"), unit.simFiles(), dir.toAbsolutePath());
    }

    private static String prepare(Manifest unit) {
        StringBuilder s = new StringBuilder();
        for (Path f : unit.synthesisSources()) {
            s.append("read_verilog ").append(f.toAbsolutePath()).append('\n');
        }
        for (String f : unit.simFiles()) {
            s.append("read_verilog -lib ").append(unit.dir().resolve(f).toAbsolutePath()).append('\n');
        }
        return s.append("hierarchy -top ").append(unit.top()).append("\nproc\nflatten\nopt_clean\n").toString();
    }

    private static void yosys(Path work, String script, String what) {
        try {
            Files.createDirectories(work);
            Path ys = work.resolve("mutate_" + what + ".ys");
            Files.writeString(ys, script);
            ToolProcess.Output out = ToolProcess.run(List.of("yosys", "-q", "-s", ys.toAbsolutePath().toString()), work,
                    Duration.ofMinutes(30));
            if (out.exitCode() != 0) {
                throw new IllegalStateException("yosys mutate (" + what + ") failed (exit " + out.exitCode() + "): "
                        + out.combined().strip().lines().reduce((a, b) -> b).orElse(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
