package dev.accelgen.hdl.emit;

import dev.accelgen.hdl.check.ExprWalk;
import dev.accelgen.hdl.check.Netlist;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.HwType;
import dev.accelgen.hdl.ir.InstanceDef;
import dev.accelgen.hdl.ir.MemoryDef;
import dev.accelgen.hdl.ir.ModuleDef;
import dev.accelgen.hdl.ir.Signal;
import dev.accelgen.hdl.ir.SignalKind;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits one module as Verilog-2005 that is clean under {@code verilator --lint-only -Wall}: every operator
 * has operands of its exact result width, every net is declared before use, and bits nobody reads are
 * collected into one {@code unused_bits} sink (the name Verilator's default unused-regexp recognises).
 *
 * <p>Names: signals keep their author-given names (keywords escaped); an intermediate that must be named
 * (shared by several consumers, or sliced) is named after the signal it first drives plus its operator,
 * e.g. {@code acc_next_add}, with a per-module numeric suffix only on repeats.
 */
final class ModuleEmitter {
    private final ModuleDef def;
    private final Netlist netlist;
    private final StringBuilder out = new StringBuilder();
    private final Map<Expr, String> temps = new IdentityHashMap<>();
    private final List<Expr> tempOrder = new ArrayList<>();
    private final Map<Expr, Integer> refCount = new IdentityHashMap<>();
    private final Map<String, Integer> usedNames;
    private final Map<String, BitSet> usedBits;
    private final Map<Signal, Signal> pinAliases = new IdentityHashMap<>();
    /** Nodes whose operands the naming pass has visited (each once over all roots). */
    private final Map<Expr, Boolean> expanded = new IdentityHashMap<>();

    ModuleEmitter(ModuleDef def, Netlist netlist) {
        this.def = def;
        this.netlist = netlist;
        int n = def.signals().size() + def.memories().size();
        usedNames = new HashMap<>(2 * n);
        usedBits = new HashMap<>(2 * n);
        for (Signal s : def.signals()) {
            usedNames.put(name(s), 0);
        }
        for (MemoryDef m : def.memories()) {
            usedNames.put(VerilogNames.escape(m.name()), 0);
        }
    }

    static String name(Signal s) {
        return s.verilogName();
    }

    String emit() {
        planPinAliases();
        countReferences();
        nameIntermediates();
        header();
        declarations();
        memories();
        combinational();
        registers();
        instances();
        unusedSink();
        out.append("\nendmodule\n");
        return out.toString();
    }

    // ---- planning -----------------------------------------------------------------------------

    /** A child input driven by a plain signal is connected directly, without an intermediate wire. */
    private void planPinAliases() {
        for (Map.Entry<Signal, Expr> d : netlist.drivers().entrySet()) {
            if (d.getKey().kind() == SignalKind.INSTANCE_INPUT && d.getValue() instanceof Expr.Ref r) {
                pinAliases.put(d.getKey(), r.signal());
            }
        }
    }

    private List<Expr> roots() {
        List<Expr> roots = new ArrayList<>();
        netlist.drivers().forEach((s, e) -> {
            if (!pinAliases.containsKey(s)) {
                roots.add(e);
            }
        });
        roots.addAll(netlist.nextState().values());
        for (MemoryDef m : def.memories()) {
            for (MemoryDef.WritePort w : m.writePorts()) {
                roots.add(w.enable());
                roots.add(w.address());
                roots.add(w.data());
            }
            for (MemoryDef.ReadPort r : m.readPorts()) {
                roots.add(r.enable());
                roots.add(r.address());
            }
        }
        return roots;
    }

    private void countReferences() {
        Map<Expr, Boolean> seen = new IdentityHashMap<>();
        for (Expr root : roots()) {
            refCount.merge(root, 1, Integer::sum);
            Deque<Expr> stack = new ArrayDeque<>();
            stack.push(root);
            while (!stack.isEmpty()) {
                Expr e = stack.pop();
                if (seen.put(e, Boolean.TRUE) != null) {
                    continue;
                }
                for (Expr o : ExprWalk.operands(e)) {
                    refCount.merge(o, 1, Integer::sum);
                    stack.push(o);
                }
            }
        }
    }

    private static boolean atomic(Expr e) {
        while (e instanceof Expr.Cast c) {
            e = c.a();
        }
        return e instanceof Expr.Ref;
    }

    private static boolean trivial(Expr e) {
        return atomic(e) || e instanceof Expr.Lit || e instanceof Expr.Slice s && atomic(s.a());
    }

    /** Names every intermediate that is shared, or that an operator must index into (slice, sign bit). */
    private void nameIntermediates() {
        netlist.drivers().forEach((s, e) -> {
            if (!pinAliases.containsKey(s)) {
                nameWithin(e, name(s), true);
            }
        });
        netlist.nextState().forEach((s, e) -> nameWithin(e, name(s) + "_next", true));
        for (MemoryDef m : def.memories()) {
            String base = VerilogNames.escape(m.name());
            for (MemoryDef.WritePort w : m.writePorts()) {
                nameWithin(w.enable(), base + "_we", false);
                nameWithin(w.address(), base + "_waddr", false);
                nameWithin(w.data(), base + "_wdata", false);
            }
            for (MemoryDef.ReadPort r : m.readPorts()) {
                nameWithin(r.enable(), name(r.data()) + "_re", false);
                nameWithin(r.address(), name(r.data()) + "_raddr", false);
            }
        }
    }

    private void nameWithin(Expr root, String base, boolean rootIsNamed) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (expanded.put(e, Boolean.TRUE) != null) {
                continue;
            }
            boolean isRoot = e == root && rootIsNamed;
            if (!isRoot && !trivial(e) && refCount.getOrDefault(e, 0) > 1 && !temps.containsKey(e)) {
                nameTemp(e, base);
            }
            for (Expr o : ExprWalk.operands(e)) {
                boolean mustIndex = (e instanceof Expr.Slice || e instanceof Expr.Extend x && x.signExtend())
                        && !atomic(o) && !(o instanceof Expr.Lit);
                if (mustIndex && !temps.containsKey(o)) {
                    nameTemp(o, base);
                }
                stack.push(o);
            }
        }
    }

    private void nameTemp(Expr e, String base) {
        if (temps.containsKey(e)) {
            return;
        }
        String n = fresh(base + "_" + opName(e));
        temps.put(e, n);
        tempOrder.add(e);
    }

    private String fresh(String base) {
        Integer count = usedNames.get(base);
        if (count == null) {
            usedNames.put(base, 0);
            return base;
        }
        int k = count;
        String candidate;
        do {
            k++;
            candidate = base + "_" + k;
        } while (usedNames.containsKey(candidate));
        usedNames.put(base, k);
        usedNames.put(candidate, 0);
        return candidate;
    }

    private static String opName(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().name().toLowerCase();
        } else if (e instanceof Expr.Unary u) {
            return switch (u.op()) {
                case NOT -> "not";
                case REDUCE_AND -> "all";
                case REDUCE_OR -> "any";
                case REDUCE_XOR -> "parity";
            };
        } else if (e instanceof Expr.Mux) {
            return "mux";
        } else if (e instanceof Expr.Slice) {
            return "bits";
        } else if (e instanceof Expr.Concat) {
            return "cat";
        } else if (e instanceof Expr.Extend) {
            return "ext";
        } else if (e instanceof Expr.MemRead) {
            return "rd";
        }
        return "val";
    }

    // ---- text ---------------------------------------------------------------------------------

    private void header() {
        out.append("// Generated by accelgen hdl-gen. Do not edit: change the generator instead.\n");
        out.append("// Module ").append(def.name()).append(": ").append(def.description().replace('\n', ' ')).append("\n");
        out.append("module ").append(def.name()).append(" (\n");
        List<Signal> ports = def.ports();
        for (int i = 0; i < ports.size(); i++) {
            Signal p = ports.get(i);
            out.append("    ").append(attributes(p.attributes(), " "))
                    .append(p.kind() == SignalKind.INPUT ? "input  wire " : "output wire ")
                    .append(range(p.width())).append(name(p)).append(i + 1 < ports.size() ? ",\n" : "\n");
        }
        out.append(");\n");
    }

    private static String range(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0] ";
    }

    private static String attributes(Map<String, String> attrs, String sep) {
        if (attrs.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(* ");
        int i = 0;
        for (Map.Entry<String, String> a : attrs.entrySet()) {
            sb.append(i++ > 0 ? ", " : "").append(a.getKey()).append(" = \"").append(a.getValue()).append('"');
        }
        return sb.append(" *)").append(sep).toString();
    }

    private void declarations() {
        boolean any = false;
        for (Signal s : def.signals()) {
            if (s.kind() == SignalKind.INPUT || s.kind() == SignalKind.OUTPUT || pinAliases.containsKey(s)) {
                continue;
            }
            if (!any) {
                out.append("\n");
                any = true;
            }
            boolean isReg = s.kind() == SignalKind.REG || s.kind() == SignalKind.MEMORY_READ_DATA;
            out.append("    ").append(attributes(s.attributes(), " ")).append(isReg ? "reg  " : "wire ")
                    .append(range(s.width())).append(name(s)).append(";\n");
        }
        for (Expr t : tempOrder) {
            if (!any) {
                out.append("\n");
                any = true;
            }
            out.append("    wire ").append(range(t.width())).append(temps.get(t)).append(";\n");
        }
    }

    private void memories() {
        for (MemoryDef m : def.memories()) {
            String n = VerilogNames.escape(m.name());
            out.append("\n");
            if (m.ramStyle() != null) {
                out.append("    (* ram_style = \"").append(m.ramStyle()).append("\" *)\n");
            }
            out.append("    reg  ").append(range(m.wordType().width())).append(n).append(" [0:").append(m.depth() - 1)
                    .append("];\n");
            if (!m.initialContents().isEmpty()) {
                out.append("    initial begin\n");
                for (int i = 0; i < m.depth(); i++) {
                    BigInteger v = i < m.initialContents().size() ? m.initialContents().get(i) : BigInteger.ZERO;
                    out.append("        ").append(n).append("[").append(i).append("] = ")
                            .append(literal(v, m.wordType().width())).append(";\n");
                }
                out.append("    end\n");
            }
            for (MemoryDef.WritePort w : m.writePorts()) {
                out.append("    always @(posedge ").append(clock(w.domain())).append(") begin\n")
                        .append("        if (").append(enable(w.domain(), w.enable())).append(") begin\n")
                        .append("            ").append(n).append("[").append(render(w.address())).append("] <= ")
                        .append(render(w.data())).append(";\n        end\n    end\n");
            }
            for (MemoryDef.ReadPort r : m.readPorts()) {
                markAll(name(r.data()), r.data().width());
                out.append("    always @(posedge ").append(clock(r.domain())).append(") begin\n")
                        .append("        if (").append(enable(r.domain(), r.enable())).append(") begin\n")
                        .append("            ").append(name(r.data())).append(" <= ").append(n).append("[")
                        .append(render(r.address())).append("];\n        end\n    end\n");
            }
        }
    }

    private String clock(ClockDomain d) {
        markAll(VerilogNames.escape(d.clock()), 1);
        return VerilogNames.escape(d.clock());
    }

    private String enable(ClockDomain d, Expr en) {
        String e = render(en);
        if (d.enable() == null) {
            return e;
        }
        markAll(VerilogNames.escape(d.enable()), 1);
        return VerilogNames.escape(d.enable()) + " && " + e;
    }

    private void combinational() {
        List<String> lines = new ArrayList<>();
        for (Expr t : tempOrder) {
            lines.add("    assign " + temps.get(t) + " = " + renderDefinition(t) + ";\n");
        }
        netlist.drivers().forEach((s, e) -> {
            if (!pinAliases.containsKey(s)) {
                lines.add("    assign " + name(s) + " = " + renderDefinition(e) + ";\n");
            }
        });
        if (!lines.isEmpty()) {
            out.append("\n");
            lines.forEach(out::append);
        }
    }

    private void registers() {
        netlist.nextState().forEach((reg, next) -> {
            ClockDomain d = reg.domain();
            StringBuilder body = new StringBuilder();
            registerBody(reg, next, "        ", body);
            out.append("\n    always @(posedge ").append(clock(d));
            boolean hasReset = reg.resetValue() != null && d.reset() != null;
            String rst = VerilogNames.escape(d.reset() == null ? "" : d.reset());
            if (hasReset && d.resetKind() == ClockDomain.ResetKind.ASYNC) {
                out.append(" or ").append(d.activeLow() ? "negedge " : "posedge ").append(rst);
            }
            out.append(") begin\n");
            String inner = body.toString();
            if (d.enable() != null && !inner.isEmpty()) {
                markAll(VerilogNames.escape(d.enable()), 1);
                inner = "        if (" + VerilogNames.escape(d.enable()) + ") begin\n" + indent(inner) + "        end\n";
            }
            if (hasReset) {
                markAll(rst, 1);
                out.append("        if (").append(d.activeLow() ? "!" : "").append(rst).append(") begin\n")
                        .append("            ").append(name(reg)).append(" <= ")
                        .append(literal(reg.resetValue(), reg.width())).append(";\n");
                if (inner.isEmpty()) {
                    out.append("        end\n");
                } else {
                    out.append("        end else begin\n").append(indent(inner)).append("        end\n");
                }
            } else {
                out.append(inner);
            }
            out.append("    end\n");
        });
    }

    private static String indent(String block) {
        return block.replaceAll("(?m)^(?=.)", "    ");
    }

    private static boolean holds(Signal reg, Expr e) {
        if (e instanceof Expr.Ref r) {
            return r.signal() == reg;
        }
        return e instanceof Expr.Mux m && (holds(reg, m.whenTrue()) || holds(reg, m.whenFalse()));
    }

    /** Turns a next-state mux tree that keeps the register on some paths back into if/else. */
    private void registerBody(Signal reg, Expr next, String ind, StringBuilder sb) {
        if (next instanceof Expr.Ref r && r.signal() == reg) {
            return;
        }
        if (next instanceof Expr.Mux m && holds(reg, next)) {
            StringBuilder t = new StringBuilder();
            registerBody(reg, m.whenTrue(), ind + "    ", t);
            StringBuilder f = new StringBuilder();
            registerBody(reg, m.whenFalse(), ind + "    ", f);
            String cond = render(m.sel());
            if (t.length() > 0) {
                sb.append(ind).append("if (").append(cond).append(") begin\n").append(t);
                if (f.length() > 0) {
                    sb.append(ind).append("end else begin\n").append(f);
                }
                sb.append(ind).append("end\n");
            } else if (f.length() > 0) {
                sb.append(ind).append("if (!").append(cond.startsWith("(") ? cond : "(" + cond + ")").append(") begin\n")
                        .append(f).append(ind).append("end\n");
            }
            return;
        }
        sb.append(ind).append(name(reg)).append(" <= ").append(render(next)).append(";\n");
    }

    private void instances() {
        for (InstanceDef inst : def.instances()) {
            out.append("\n    ").append(attributes(inst.attributes(), "\n    ")).append(inst.child().name());
            if (!inst.parameters().isEmpty()) {
                out.append(" #(\n");
                int i = 0;
                for (Map.Entry<String, String> p : inst.parameters().entrySet()) {
                    out.append("        .").append(p.getKey()).append("(").append(p.getValue()).append(")")
                            .append(++i < inst.parameters().size() ? ",\n" : "\n");
                }
                out.append("    )");
            }
            out.append(" ").append(VerilogNames.escape(inst.name())).append(" (\n");
            int i = 0;
            for (Map.Entry<String, Signal> pin : inst.pins().entrySet()) {
                Signal s = pin.getValue();
                Signal alias = pinAliases.get(s);
                String conn;
                if (alias != null) {
                    conn = name(alias);
                    markAll(conn, alias.width());
                } else {
                    conn = name(s);
                    if (s.kind() == SignalKind.INSTANCE_INPUT) {
                        markAll(conn, s.width());
                    }
                }
                out.append("        .").append(VerilogNames.escape(pin.getKey())).append("(").append(conn).append(")")
                        .append(++i < inst.pins().size() ? ",\n" : "\n");
            }
            out.append("    );\n");
        }
    }

    private void unusedSink() {
        List<String> parts = new ArrayList<>();
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (Signal s : def.signals()) {
            if (s.kind() != SignalKind.OUTPUT && s.kind() != SignalKind.INSTANCE_INPUT) {
                widths.put(name(s), s.width());
            }
        }
        for (Expr t : tempOrder) {
            widths.put(temps.get(t), t.width());
        }
        widths.forEach((n, w) -> {
            BitSet used = usedBits.getOrDefault(n, new BitSet());
            BitSet unused = new BitSet();
            unused.set(0, w);
            unused.andNot(used);
            if (unused.isEmpty()) {
                return;
            }
            if (w == 1) {
                parts.add(n);
                return;
            }
            for (int hi = w - 1; hi >= 0; hi--) {
                if (!unused.get(hi)) {
                    continue;
                }
                int lo = hi;
                while (lo > 0 && unused.get(lo - 1)) {
                    lo--;
                }
                if (hi == w - 1 && lo == 0) {
                    parts.add(n);
                } else {
                    parts.add(hi == lo ? n + "[" + hi + "]" : n + "[" + hi + ":" + lo + "]");
                }
                hi = lo;
            }
        });
        if (!parts.isEmpty()) {
            out.append("\n    // Bits no logic reads, gathered so lint sees them consumed.\n");
            out.append("    wire unused_bits = &{1'b0, ").append(String.join(", ", parts)).append(", 1'b0};\n");
        }
    }

    // ---- expressions --------------------------------------------------------------------------

    private void markAll(String n, int width) {
        usedBits.computeIfAbsent(n, k -> new BitSet()).set(0, width);
    }

    private void markRange(String n, int hi, int lo) {
        usedBits.computeIfAbsent(n, k -> new BitSet()).set(lo, hi + 1);
    }

    static String literal(BigInteger v, int width) {
        if (width == 1) {
            return "1'b" + v.toString(2);
        }
        return width + "'h" + v.toString(16);
    }

    private String renderDefinition(Expr e) {
        return renderNode(e);
    }

    private String render(Expr e) {
        String t = temps.get(e);
        if (t != null) {
            markAll(t, e.width());
            return t;
        }
        return renderNode(e);
    }

    /** Name of an atomic operand (signal or named intermediate) without marking bits. */
    private String nameOf(Expr e) {
        String t = temps.get(e);
        if (t != null) {
            return t;
        }
        while (e instanceof Expr.Cast c) {
            e = c.a();
            t = temps.get(e);
            if (t != null) {
                return t;
            }
        }
        return name(((Expr.Ref) e).signal());
    }

    private String renderNode(Expr e) {
        if (e instanceof Expr.Ref r) {
            markAll(name(r.signal()), r.signal().width());
            return name(r.signal());
        } else if (e instanceof Expr.Lit l) {
            return literal(l.bits(), l.width());
        } else if (e instanceof Expr.Cast c) {
            return render(c.a());
        } else if (e instanceof Expr.Slice s) {
            String n = nameOf(s.a());
            markRange(n, s.hi(), s.lo());
            if (s.a().width() == 1) {
                return n;
            }
            return s.hi() == s.lo() ? n + "[" + s.hi() + "]" : n + "[" + s.hi() + ":" + s.lo() + "]";
        } else if (e instanceof Expr.Concat c) {
            List<String> parts = new ArrayList<>();
            for (Expr p : c.parts()) {
                parts.add(render(p));
            }
            return "{" + String.join(", ", parts) + "}";
        } else if (e instanceof Expr.Extend x) {
            int extra = x.width() - x.a().width();
            if (!x.signExtend()) {
                return "{" + extra + "'h0, " + render(x.a()) + "}";
            }
            String n = nameOf(x.a());
            markAll(n, x.a().width());
            String sign = x.a().width() == 1 ? n : n + "[" + (x.a().width() - 1) + "]";
            return "{{" + extra + "{" + sign + "}}, " + n + "}";
        } else if (e instanceof Expr.Mux m) {
            return "(" + render(m.sel()) + " ? " + render(m.whenTrue()) + " : " + render(m.whenFalse()) + ")";
        } else if (e instanceof Expr.Unary u) {
            String a = render(u.a());
            return switch (u.op()) {
                case NOT -> "(~" + a + ")";
                case REDUCE_AND -> "(&" + a + ")";
                case REDUCE_OR -> "(|" + a + ")";
                case REDUCE_XOR -> "(^" + a + ")";
            };
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.MemRead r) {
            return VerilogNames.escape(r.memory().name()) + "[" + render(r.address()) + "]";
        }
        throw new AssertionError("unknown expression " + e);
    }

    private String binary(Expr.Binary b) {
        String a = render(b.a());
        String c = render(b.b());
        boolean signed = b.signedCompare();
        return switch (b.op()) {
            case ADD -> "(" + a + " + " + c + ")";
            case SUB -> "(" + a + " - " + c + ")";
            case MUL -> signed ? "($signed(" + a + ") * $signed(" + c + "))" : "(" + a + " * " + c + ")";
            case AND -> "(" + a + " & " + c + ")";
            case OR -> "(" + a + " | " + c + ")";
            case XOR -> "(" + a + " ^ " + c + ")";
            case EQ -> "(" + a + " == " + c + ")";
            case NE -> "(" + a + " != " + c + ")";
            case LT -> compare(a, "<", c, signed);
            case LE -> compare(a, "<=", c, signed);
            case GT -> compare(a, ">", c, signed);
            case GE -> compare(a, ">=", c, signed);
            case SHL -> "(" + a + " << " + c + ")";
            case SHR -> "(" + a + " >> " + c + ")";
            case ASHR -> "($signed(" + a + ") >>> " + c + ")";
        };
    }

    private static String compare(String a, String op, String b, boolean signed) {
        return signed ? "($signed(" + a + ") " + op + " $signed(" + b + "))" : "(" + a + " " + op + " " + b + ")";
    }

    static HwType typeOf(Expr e) {
        return e.type();
    }
}
