package dev.accelgen.hdl;

import dev.accelgen.hdl.check.ExprWalk;
import dev.accelgen.hdl.check.Netlist;
import dev.accelgen.hdl.emit.ManifestWriter;
import dev.accelgen.hdl.emit.VerilogEmitter;
import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.ModuleDef;
import dev.accelgen.hdl.ir.Stmt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked design: the top module and every distinct child, ready to emit. Emission is deterministic:
 * the same generator and config give byte-identical files.
 */
public final class Design {
    private final ModuleDef top;
    private final List<ModuleDef> modules;
    private final Map<ModuleDef, Netlist> netlists;
    private final long elaborateNanos;
    private final long checkNanos;
    private Map<String, String> files;

    Design(ModuleDef top, List<ModuleDef> modulesLeavesFirst, Map<ModuleDef, Netlist> netlists, long elaborateNanos,
           long checkNanos) {
        this.top = top;
        this.modules = List.copyOf(modulesLeavesFirst);
        this.netlists = netlists;
        this.elaborateNanos = elaborateNanos;
        this.checkNanos = checkNanos;
    }

    /** Time the generators took to build the IR (excluding checks). */
    public long elaborateNanos() {
        return elaborateNanos;
    }

    /** Time spent lowering and checking every module. */
    public long checkNanos() {
        return checkNanos;
    }

    public ModuleDef top() {
        return top;
    }

    public String topName() {
        return top.name();
    }

    /** Every module in dependency order (children before parents), black boxes included. */
    public List<ModuleDef> modules() {
        return modules;
    }

    public String manifestFileName() {
        return top.name() + ".manifest.json";
    }

    /** Synthesis sources, children first. */
    public List<String> sourceFiles() {
        List<String> l = new ArrayList<>();
        for (ModuleDef m : modules) {
            if (!m.isBlackBox()) {
                l.add(m.name() + ".v");
            }
        }
        return l;
    }

    /** Behavioural models of black boxes: simulation only. */
    public List<String> simOnlyFiles() {
        List<String> l = new ArrayList<>();
        for (ModuleDef m : modules) {
            if (m.isBlackBox() && m.blackBox().simSource() != null) {
                l.add(m.blackBox().simFileName());
            }
        }
        return l;
    }

    /** File name to content for everything {@link #emit} writes, in a fixed order. */
    public synchronized Map<String, String> files() {
        if (files == null) {
            Map<String, String> f = new LinkedHashMap<>();
            for (ModuleDef m : modules) {
                if (m.isBlackBox()) {
                    if (m.blackBox().simSource() != null) {
                        f.put(m.blackBox().simFileName(), m.blackBox().simSource());
                    }
                } else {
                    f.put(m.name() + ".v", VerilogEmitter.emit(m, netlists.get(m)));
                }
            }
            f.put(top.name() + ".f", String.join("\n", sourceFiles()) + "\n");
            List<String> sim = new ArrayList<>(simOnlyFiles());
            sim.addAll(sourceFiles());
            f.put(top.name() + "_sim.f", String.join("\n", sim) + "\n");
            f.put(manifestFileName(), ManifestWriter.write(top, sourceFiles(), simOnlyFiles()));
            files = Collections.unmodifiableMap(f);
        }
        return files;
    }

    /** Writes every file into {@code dir} (created if needed) and returns the manifest's path. */
    public Path emit(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : files().entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            return dir.resolve(manifestFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write design " + topName() + " to " + dir, e);
        }
    }

    /** Size of the IR: signals, statements and distinct expression nodes over all modules. */
    public long irNodes() {
        long n = 0;
        for (ModuleDef m : modules) {
            n += m.signals().size() + m.instances().size() + m.memories().size();
            Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Stmt> stack = new ArrayList<>(m.body());
            while (!stack.isEmpty()) {
                Stmt s = stack.remove(stack.size() - 1);
                n++;
                if (s instanceof Stmt.Assign a) {
                    ExprWalk.nodes(a.value(), seen::add);
                } else if (s instanceof Stmt.When w) {
                    ExprWalk.nodes(w.cond(), seen::add);
                    stack.addAll(w.thenBody());
                    stack.addAll(w.elseBody());
                }
            }
            n += seen.size();
        }
        return n;
    }
}
