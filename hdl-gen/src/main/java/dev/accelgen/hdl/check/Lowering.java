package dev.accelgen.hdl.check;

import dev.accelgen.hdl.Diagnostic;
import dev.accelgen.hdl.DiagnosticKind;
import dev.accelgen.hdl.SourceLoc;
import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Exprs;
import dev.accelgen.hdl.ir.ModuleDef;
import dev.accelgen.hdl.ir.Signal;
import dev.accelgen.hdl.ir.SignalKind;
import dev.accelgen.hdl.ir.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a module's statement tree into one expression per signal (last assignment on a path wins; a
 * {@code when} becomes a multiplexer) in one pass over the statements, and reports driver problems on the
 * way: overlapping unconditional assignments, undriven signals and outputs, unconnected instance inputs,
 * and latches (bits of a combinational signal left unassigned on some path).
 *
 * <p>Latch rule: a combinational signal must be assigned on every path, either by an unconditional
 * assignment before the {@code when}, in every branch, or by a default value given at declaration.
 */
public final class Lowering {
    /**
     * A signal's value so far and which bits are assigned on every path. BitSets are shared (all-bits sets per
     * width, the empty set) and never mutated: every change makes a copy. {@code expr} is null until a first
     * assignment to a signal without default.
     */
    private record State(Expr expr, BitSet assigned) { }

    private static final BitSet EMPTY = new BitSet();
    private final Map<Integer, BitSet> fullSets = new HashMap<>();

    private record Assignment(BitSet bits, SourceLoc loc) { }

    private final ModuleDef def;
    private final List<Diagnostic> diagnostics;
    private final List<List<Assignment>> history;
    private final SourceLoc[] latchSites;

    private Lowering(ModuleDef def, List<Diagnostic> diagnostics) {
        this.def = def;
        this.diagnostics = diagnostics;
        int n = def.signals().size();
        this.history = new ArrayList<>(java.util.Collections.nCopies(n, null));
        this.latchSites = new SourceLoc[n];
    }

    public static Netlist lower(ModuleDef def, List<Diagnostic> diagnostics) {
        return new Lowering(def, diagnostics).run();
    }

    /**
     * Values assigned in one scope; lookups fall back to the enclosing scope, then to the initial value.
     * The root scope is an array indexed by signal (most assignments are unconditional).
     */
    private final class Env {
        final Env parent;
        final State[] root;
        final Map<Signal, State> local;
        final Set<Signal> order = new LinkedHashSet<>();

        Env(Env parent) {
            this.parent = parent;
            this.root = parent == null ? new State[def.signals().size()] : null;
            this.local = parent == null ? null : new HashMap<>();
        }

        State get(Signal s) {
            for (Env e = this; e != null; e = e.parent) {
                State st = e.root != null ? e.root[s.index()] : e.local.get(s);
                if (st != null) {
                    return st;
                }
            }
            return initial(s);
        }

        void put(Signal s, State st) {
            if (root != null) {
                root[s.index()] = st;
            } else {
                local.put(s, st);
                order.add(s);
            }
        }
    }

    private BitSet full(int width) {
        return fullSets.computeIfAbsent(width, w -> {
            BitSet b = new BitSet();
            b.set(0, w);
            return b;
        });
    }

    private State initial(Signal s) {
        if (s.kind() == SignalKind.REG) {
            return new State(new Expr.Ref(s), full(s.width()));
        }
        if (s.defaultValue() != null) {
            return new State(s.defaultValue(), full(s.width()));
        }
        return new State(null, EMPTY);
    }

    /** The expression of a state, with zeros standing in for a signal nothing has assigned yet. */
    private static Expr valueOf(State st, Signal s) {
        return st.expr() != null ? st.expr() : Exprs.lit(BigInteger.ZERO, s.type());
    }

    private Netlist run() {
        Env root = new Env(null);
        execute(def.body(), root, 0);
        Netlist n = new Netlist();
        for (Signal s : def.signals()) {
            List<Assignment> hist = history.get(s.index());
            if (hist != null) {
                n.firstAssignment().put(s, hist.get(0).loc());
            }
            switch (s.kind()) {
                case REG -> {
                    if (hist == null) {
                        report(DiagnosticKind.UNDRIVEN, "register '" + s.name() + "' is never assigned", s.declaredAt());
                    } else {
                        n.nextState().put(s, root.get(s).expr());
                    }
                }
                case OUTPUT, WIRE, INSTANCE_INPUT -> finishCombinational(s, root.get(s), hist, n);
                case INPUT, INSTANCE_OUTPUT, MEMORY_READ_DATA -> { }
            }
        }
        return n;
    }

    private void finishCombinational(Signal s, State st, List<Assignment> hist, Netlist n) {
        if (st.assigned().cardinality() == s.width()) {
            n.drivers().put(s, st.expr());
            return;
        }
        if (hist == null) {
            switch (s.kind()) {
                case OUTPUT -> report(DiagnosticKind.UNDRIVEN, "output '" + s.name() + "' has no driver", s.declaredAt());
                case INSTANCE_INPUT -> report(DiagnosticKind.UNCONNECTED_INPUT, "input '" + s.instancePort()
                        + "' of instance '" + s.instance().name() + "' (module " + s.instance().child().name()
                        + ") is not connected", s.instance().loc());
                default -> report(DiagnosticKind.UNDRIVEN, "signal '" + s.name() + "' has no driver", s.declaredAt());
            }
            return;
        }
        BitSet ever = new BitSet();
        hist.forEach(a -> ever.or(a.bits()));
        BitSet never = new BitSet();
        never.set(0, s.width());
        never.andNot(ever);
        if (!never.isEmpty()) {
            report(DiagnosticKind.UNDRIVEN, "bits " + BitRanges.format(never) + " of '" + s.name() + "' have no driver",
                    s.declaredAt());
        }
        BitSet latch = (BitSet) ever.clone();
        latch.andNot(st.assigned());
        if (!latch.isEmpty()) {
            report(DiagnosticKind.LATCH, "LATCH: bits " + BitRanges.format(latch) + " of '" + s.name()
                    + "' are not assigned on every path; assign a default before the when or declare the wire with a"
                    + " default value", latchSites[s.index()] != null ? latchSites[s.index()] : hist.get(0).loc());
        }
    }

    private void execute(List<Stmt> stmts, Env env, int depth) {
        for (Stmt stmt : stmts) {
            // Java 17 has no pattern switch: the sealed Stmt has exactly these two cases.
            if (stmt instanceof Stmt.Assign a) {
                assign(a, env, depth);
            } else if (stmt instanceof Stmt.When w) {
                when(w, env, depth);
            } else {
                throw new AssertionError("unknown statement " + stmt);
            }
        }
    }

    private void assign(Stmt.Assign a, Env env, int depth) {
        Signal s = a.target();
        boolean whole = a.lo() == 0 && a.hi() == s.width() - 1;
        BitSet bits = whole ? full(s.width()) : new BitSet();
        if (!whole) {
            bits.set(a.lo(), a.hi() + 1);
        }
        List<Assignment> hist = history.get(s.index());
        if (hist == null) {
            hist = new ArrayList<>(1);
            history.set(s.index(), hist);
        }
        if (depth == 0) {
            for (Assignment prev : hist) {
                if (prev.bits().intersects(bits)) {
                    BitSet both = (BitSet) prev.bits().clone();
                    both.and(bits);
                    report(DiagnosticKind.MULTIPLE_DRIVERS, "bits " + BitRanges.format(both) + " of '" + s.name()
                            + "' are driven twice: the unconditional assignment overrides the earlier one",
                            prev.loc(), a.loc());
                    break;
                }
            }
        }
        hist.add(new Assignment(bits, a.loc()));
        State old = env.get(s);
        Expr value;
        if (whole) {
            value = a.value();
        } else {
            Expr oldValue = valueOf(old, s);
            List<Expr> parts = new ArrayList<>();
            if (a.hi() < s.width() - 1) {
                parts.add(Exprs.slice(oldValue, s.width() - 1, a.hi() + 1, s.type().withWidth(s.width() - 1 - a.hi())));
            }
            parts.add(a.value());
            if (a.lo() > 0) {
                parts.add(Exprs.slice(oldValue, a.lo() - 1, 0, s.type().withWidth(a.lo())));
            }
            value = Exprs.concat(parts, s.type());
        }
        BitSet mask = bits;
        if (!whole) {
            mask = (BitSet) old.assigned().clone();
            mask.or(bits);
        }
        env.put(s, new State(value, mask));
    }

    private void when(Stmt.When w, Env env, int depth) {
        Env thenEnv = new Env(env);
        execute(w.thenBody(), thenEnv, depth + 1);
        Env elseEnv = new Env(env);
        execute(w.elseBody(), elseEnv, depth + 1);
        Set<Signal> changed = new LinkedHashSet<>(thenEnv.order);
        changed.addAll(elseEnv.order);
        for (Signal s : changed) {
            State t = thenEnv.get(s);
            State e = elseEnv.get(s);
            Expr merged = t.expr() == e.expr() ? t.expr()
                    : new Expr.Mux(w.cond(), valueOf(t, s), valueOf(e, s), s.type());
            BitSet mask = t.assigned();
            if (t.assigned() != e.assigned()) {
                mask = (BitSet) t.assigned().clone();
                mask.and(e.assigned());
            }
            if (!mask.equals(t.assigned()) || !mask.equals(e.assigned())) {
                if (latchSites[s.index()] == null) {
                    latchSites[s.index()] = w.loc();
                }
            }
            env.put(s, new State(merged, mask));
        }
    }

    private void report(DiagnosticKind kind, String message, SourceLoc... locs) {
        diagnostics.add(new Diagnostic(kind, def.name(), message, List.of(locs)));
    }
}
