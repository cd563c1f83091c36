package dev.accelgen.hdl;

import dev.accelgen.hdl.emit.VerilogNames;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Exprs;
import dev.accelgen.hdl.ir.HwType;
import dev.accelgen.hdl.ir.InstanceDef;
import dev.accelgen.hdl.ir.MemoryDef;
import dev.accelgen.hdl.ir.ModuleDef;
import dev.accelgen.hdl.ir.Signal;
import dev.accelgen.hdl.ir.SignalKind;
import dev.accelgen.hdl.ir.Stmt;
import dev.accelgen.hdl.ir.StreamDef;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The explicit builder a generator receives: declares ports, wires, registers, memories and child
 * instances of one module and records its statements. Not thread-safe; one builder per module.
 */
public final class ModuleBuilder {
    private final ModuleDef def;
    private final Elaborator elaborator;
    private final Deque<List<Stmt>> scopes = new ArrayDeque<>();
    /** Every name taken in the module, keyed as emitted (keywords escaped): the Signal, or where it was taken. */
    private final Map<String, Object> names = new HashMap<>();
    private ClockDomain domain = ClockDomain.DEFAULT;

    ModuleBuilder(ModuleDef def, Elaborator elaborator) {
        this.def = def;
        this.elaborator = elaborator;
        scopes.push(def.body());
    }

    public String moduleName() {
        return def.name();
    }

    ModuleDef def() {
        return def;
    }

    void report(DiagnosticKind kind, String message, SourceLoc... locs) {
        elaborator.report(new Diagnostic(kind, def.name(), message, List.of(locs)));
    }

    // ---- declarations -------------------------------------------------------------------------

    public <T extends Val> T input(String name, Type<T> type) {
        return port(name, type.hw(), SignalKind.INPUT);
    }

    public <T extends Val> T output(String name, Type<T> type) {
        return port(name, type.hw(), SignalKind.OUTPUT);
    }

    private <T extends Val> T port(String name, HwType type, SignalKind kind) {
        Signal s = declare(name, type, kind);
        def.ports().add(s);
        return wrap(s);
    }

    /** A combinational signal that must be assigned on every path (otherwise a LATCH error). */
    public <T extends Val> T wire(String name, Type<T> type) {
        return wrap(declare(name, type.hw(), SignalKind.WIRE));
    }

    /**
     * A combinational signal that takes {@code defaultValue} on every path that does not assign it: the
     * documented rule that makes latches impossible without an explicit default assignment.
     */
    public <T extends Val> T wire(String name, T defaultValue) {
        Signal s = declare(name, defaultValue.hwType(), SignalKind.WIRE);
        s.setDefaultValue(defaultValue.expr);
        return wrap(s);
    }

    /** A named wire driven by {@code value}: gives a computed value a stable, readable Verilog name. */
    public <T extends Val> T named(String name, T value) {
        Signal s = declare(name, value.hwType(), SignalKind.WIRE);
        T w = wrap(s);
        assign(w, value, SourceLoc.capture());
        return w;
    }

    /** A register of the current clock domain, reset to {@code resetValue}. */
    public <T extends Val> T reg(String name, Type<T> type, long resetValue) {
        return reg(name, type, BigInteger.valueOf(resetValue));
    }

    public <T extends Val> T reg(String name, Type<T> type, BigInteger resetValue) {
        Vals.checkRange(resetValue, type.hw());
        Signal s = declare(name, type.hw(), SignalKind.REG);
        s.makeRegister(useDomain(domain), resetValue.and(Exprs.mask(type.width())));
        return wrap(s);
    }

    /** A register without reset (data-path registers that need none). */
    public <T extends Val> T regNoReset(String name, Type<T> type) {
        Signal s = declare(name, type.hw(), SignalKind.REG);
        s.makeRegister(useDomain(domain), null);
        return wrap(s);
    }

    /** A register that loads {@code next} every (enabled) cycle. */
    public <T extends Val> T regNext(String name, T next, long resetValue) {
        @SuppressWarnings("unchecked")
        Type<T> t = new Type<>(next.hwType());
        T r = reg(name, t, resetValue);
        assign(r, next, SourceLoc.capture());
        return r;
    }

    public <T extends Val> Vec<T> inputVec(String name, Type<T> type, int n) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(input(name + "_" + i, type));
        }
        return new Vec<>(items);
    }

    public <T extends Val> Vec<T> outputVec(String name, Type<T> type, int n) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(output(name + "_" + i, type));
        }
        return new Vec<>(items);
    }

    public <T extends Val> Vec<T> regVec(String name, Type<T> type, int n, long resetValue) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(reg(name + "_" + i, type, resetValue));
        }
        return new Vec<>(items);
    }

    /** Ports named {@code prefix_field} for every field of the bundle, with the bundle's directions. */
    public Ports ports(String prefix, Bundle bundle) {
        Map<String, Val> vals = new java.util.LinkedHashMap<>();
        for (Bundle.Field f : bundle.fields()) {
            vals.put(f.name(), port(prefix + "_" + f.name(), f.type(), f.input() ? SignalKind.INPUT : SignalKind.OUTPUT));
        }
        return new Ports(bundle, vals);
    }

    /** Wires named {@code prefix_field} for every field of the bundle. */
    public Ports wires(String prefix, Bundle bundle) {
        Map<String, Val> vals = new java.util.LinkedHashMap<>();
        for (Bundle.Field f : bundle.fields()) {
            vals.put(f.name(), wrap(declare(prefix + "_" + f.name(), f.type(), SignalKind.WIRE)));
        }
        return new Ports(bundle, vals);
    }

    /**
     * Connects two views of the same bundle: fields that flow into {@code inner} (its inputs) are driven
     * from {@code outer}; the others drive {@code outer}.
     */
    public void connect(Ports outer, Ports inner) {
        SourceLoc loc = SourceLoc.capture();
        for (Bundle.Field f : inner.bundle().fields()) {
            if (f.input()) {
                assign(inner.get(f.name()), outer.get(f.name()), loc);
            } else {
                assign(outer.get(f.name()), inner.get(f.name()), loc);
            }
        }
    }

    public <T extends Val> Mem<T> mem(String name, Type<T> wordType, int depth, RamStyle style) {
        if (depth < 1) {
            throw new IllegalArgumentException("memory " + name + " needs depth >= 1, got " + depth);
        }
        checkName(name, SourceLoc.capture());
        MemoryDef m = new MemoryDef(name, wordType.hw(), depth, style.attribute(), SourceLoc.capture());
        def.memories().add(m);
        return new Mem<>(this, m, wordType);
    }

    // ---- clock domains ------------------------------------------------------------------------

    /** Registers and memory ports declared inside {@code body} use {@code cd}. */
    public void withDomain(ClockDomain cd, Runnable body) {
        ClockDomain saved = domain;
        domain = cd;
        try {
            body.run();
        } finally {
            domain = saved;
        }
    }

    public ClockDomain domain() {
        return domain;
    }

    /** The current domain's clock port (created if needed), e.g. to drive a black box's CLK pin. */
    public Bool clock() {
        useDomain(domain);
        return wrap(signalNamed(domain.clock()));
    }

    /** The current domain's reset port as declared (polarity unchanged). */
    public Bool reset() {
        useDomain(domain);
        if (domain.reset() == null) {
            throw new IllegalStateException("clock domain " + domain + " has no reset");
        }
        return wrap(signalNamed(domain.reset()));
    }

    ClockDomain useDomain(ClockDomain cd) {
        if (!def.domains().contains(cd)) {
            def.domains().add(cd);
            ensurePort(cd.clock());
            if (cd.reset() != null) {
                ensurePort(cd.reset());
            }
            if (cd.enable() != null) {
                ensurePort(cd.enable());
            }
        }
        return cd;
    }

    private void ensurePort(String name) {
        Signal existing = signalNamed(name);
        if (existing == null) {
            port(name, Bool.HW, SignalKind.INPUT);
        } else if (existing.kind() != SignalKind.INPUT || existing.width() != 1) {
            report(DiagnosticKind.NAME, "clock-domain port '" + name + "' clashes with " + existing.kind()
                    + " '" + name + "' declared", existing.declaredAt());
        }
    }

    // ---- control ------------------------------------------------------------------------------

    public WhenChain when(Bool cond, Runnable body) {
        Stmt.When w = new Stmt.When(cond.expr, SourceLoc.capture());
        Vals.owner(Vals.wrap(cond.expr, this), cond);
        scopes.peek().add(w);
        runIn(w.thenBody(), body);
        return new WhenChain(this, w);
    }

    public SwitchBuilder switchOn(Val selector) {
        return new SwitchBuilder(this, selector);
    }

    void runIn(List<Stmt> list, Runnable body) {
        scopes.push(list);
        try {
            body.run();
        } finally {
            scopes.pop();
        }
    }

    boolean insideWhen() {
        return scopes.size() > 1;
    }

    // ---- hierarchy ----------------------------------------------------------------------------

    /** A child instance of {@code gen} for {@code config}; its clock domains connect to the current one. */
    public <C> Instance instance(ModuleGen<C> gen, C config, String name) {
        SourceLoc loc = SourceLoc.capture();
        ModuleDef child = elaborator.module(gen, config);
        return bind(child, name, Map.of(), loc);
    }

    /** An instance of a vendor primitive, with Verilog parameter overrides (values as Verilog literals). */
    public Instance blackBox(BlackBox box, String name, Map<String, String> parameters) {
        SourceLoc loc = SourceLoc.capture();
        ModuleDef child = elaborator.blackBox(box);
        return bind(child, name, parameters, loc);
    }

    private Instance bind(ModuleDef child, String name, Map<String, String> parameters, SourceLoc loc) {
        checkName(name, loc);
        InstanceDef inst = new InstanceDef(name, child, loc);
        inst.setParameters(parameters);
        def.instances().add(inst);
        for (Signal p : child.ports()) {
            SignalKind k = p.kind() == SignalKind.INPUT ? SignalKind.INSTANCE_INPUT : SignalKind.INSTANCE_OUTPUT;
            Signal pin = declareAt(name + "_" + p.name(), p.type(), k, loc);
            pin.bindToInstance(inst, p.name());
            inst.pins().put(p.name(), pin);
        }
        for (ClockDomain cd : child.domains()) {
            connectDomain(inst, cd, loc);
        }
        return new Instance(this, inst);
    }

    private void connectDomain(InstanceDef inst, ClockDomain childDomain, SourceLoc loc) {
        ClockDomain mine = useDomain(domain);
        assignRaw(inst.pins().get(childDomain.clock()), new Expr.Ref(signalNamed(mine.clock())), loc);
        if (childDomain.reset() != null) {
            if (mine.reset() == null) {
                report(DiagnosticKind.HIERARCHY_VIOLATION, "instance '" + inst.name() + "' needs reset '"
                        + childDomain.reset() + "' but the parent's clock domain has no reset", loc);
            } else {
                Expr r = new Expr.Ref(signalNamed(mine.reset()));
                if (mine.activeLow() != childDomain.activeLow()) {
                    r = new Expr.Unary(Expr.UnOp.NOT, r, Bool.HW);
                }
                assignRaw(inst.pins().get(childDomain.reset()), r, loc);
            }
        }
        if (childDomain.enable() != null) {
            Expr en = mine.enable() != null ? new Expr.Ref(signalNamed(mine.enable())) : Bool.TRUE.expr;
            assignRaw(inst.pins().get(childDomain.enable()), en, loc);
        }
    }

    /**
     * Declares a valid/ready stream of this (top) module for the manifest and simulation harnesses. An output
     * stream without a ready ({@code ready == null}, manifest {@code "ready": null}) cannot take backpressure:
     * harnesses never stall it, and a parent that composes this unit must never stall it either.
     */
    public void stream(String name, boolean input, Bool valid, Bool ready, Val... data) {
        SourceLoc loc = SourceLoc.capture();
        List<Signal> dataSignals = new ArrayList<>();
        SignalKind in = input ? SignalKind.INPUT : SignalKind.OUTPUT;
        SignalKind out = input ? SignalKind.OUTPUT : SignalKind.INPUT;
        String what = "stream '" + name + "'";
        checkStreamPort(what, valid, in, loc);
        if (ready != null) {
            checkStreamPort(what, ready, out, loc);
        }
        for (Val d : data) {
            checkStreamPort(what, d, in, loc);
            dataSignals.add(d.signal());
        }
        def.streams().add(new StreamDef(name, input, valid.signal(), ready == null ? null : ready.signal(), dataSignals));
    }

    /**
     * Declares an AXI4-style read-memory master port of this (top) module for the manifest: the unit drives
     * arValid/arAddr/arLen/rReady, the harness drives arReady/rValid/rData/rLast.
     */
    public void readMemory(String name, Bool arValid, Bool arReady, Bits arAddr, Bits arLen, Bool rValid, Bool rReady,
                           Bits rData, Bool rLast, int dataBytes) {
        SourceLoc loc = SourceLoc.capture();
        String what = "read memory '" + name + "'";
        checkStreamPort(what, arValid, SignalKind.OUTPUT, loc);
        checkStreamPort(what, arReady, SignalKind.INPUT, loc);
        checkStreamPort(what, arAddr, SignalKind.OUTPUT, loc);
        checkStreamPort(what, arLen, SignalKind.OUTPUT, loc);
        checkStreamPort(what, rValid, SignalKind.INPUT, loc);
        checkStreamPort(what, rReady, SignalKind.OUTPUT, loc);
        checkStreamPort(what, rData, SignalKind.INPUT, loc);
        checkStreamPort(what, rLast, SignalKind.INPUT, loc);
        def.readMemories().add(new dev.accelgen.hdl.ir.ReadMemoryDef(name, arValid.signal(), arReady.signal(),
                arAddr.signal(), arLen.signal(), rValid.signal(), rReady.signal(), rData.signal(), rLast.signal(), dataBytes));
    }

    /**
     * Declares an AXI4-style write-memory master port of this (top) module for the manifest: the unit drives
     * awValid/awAddr/awLen, wValid/wData/wStrb/wLast and bReady, the harness drives awReady, wReady and bValid.
     * A read memory of the same name (and data width) shares its image: a read sees the writes accepted before it.
     */
    public void writeMemory(String name, Bool awValid, Bool awReady, Bits awAddr, Bits awLen, Bool wValid, Bool wReady,
                            Bits wData, Bits wStrb, Bool wLast, Bool bValid, Bool bReady, int dataBytes) {
        SourceLoc loc = SourceLoc.capture();
        String what = "write memory '" + name + "'";
        for (Val out : List.of(awValid, awAddr, awLen, wValid, wData, wStrb, wLast, bReady)) {
            checkStreamPort(what, out, SignalKind.OUTPUT, loc);
        }
        for (Val in : List.of(awReady, wReady, bValid)) {
            checkStreamPort(what, in, SignalKind.INPUT, loc);
        }
        def.writeMemories().add(new dev.accelgen.hdl.ir.WriteMemoryDef(name, awValid.signal(), awReady.signal(),
                awAddr.signal(), awLen.signal(), wValid.signal(), wReady.signal(), wData.signal(), wStrb.signal(),
                wLast.signal(), bValid.signal(), bReady.signal(), dataBytes));
    }

    private void checkStreamPort(String what, Val v, SignalKind expected, SourceLoc loc) {
        Signal s = v.signal();
        if (s == null || s.owner() != this || s.kind() != expected) {
            report(DiagnosticKind.HIERARCHY_VIOLATION, what + " member " + v + " must be an "
                    + expected.name().toLowerCase() + " port of module " + def.name(), loc);
        }
    }

    /** Attaches a synthesis attribute, e.g. {@code use_dsp = "no"} or {@code keep = "true"}, to a signal. */
    public void attribute(Val signal, String key, String value) {
        Signal s = signal.signal();
        if (s == null || s.owner() != this) {
            throw new IllegalArgumentException("attributes attach to signals of this module, not " + signal);
        }
        s.setAttribute(key, value);
    }

    // ---- assignment ---------------------------------------------------------------------------

    void assign(Val target, Val value, SourceLoc loc) {
        Expr t = target.expr;
        while (t instanceof Expr.Cast c) {
            t = c.a();
        }
        Signal sig;
        int hi;
        int lo;
        if (t instanceof Expr.Ref r) {
            sig = r.signal();
            hi = sig.width() - 1;
            lo = 0;
        } else if (t instanceof Expr.Slice s && s.a() instanceof Expr.Ref r) {
            sig = r.signal();
            hi = s.hi();
            lo = s.lo();
        } else {
            throw new IllegalArgumentException("only a signal or a slice of a signal can be assigned, not " + target
                    + " at " + loc);
        }
        if (sig.owner() != this) {
            report(DiagnosticKind.HIERARCHY_VIOLATION, "signal '" + sig.name() + "' belongs to module "
                    + ownerName(sig) + " and cannot be assigned in module " + def.name(), loc);
            return;
        }
        if (value.owner != null && value.owner != this) {
            // Reported, and still recorded so that the target does not also show up as undriven.
            report(DiagnosticKind.HIERARCHY_VIOLATION, "value " + value + " belongs to module "
                    + value.owner.moduleName() + " and cannot be used in module " + def.name(), loc);
        }
        switch (sig.kind()) {
            case INPUT -> {
                report(DiagnosticKind.HIERARCHY_VIOLATION, "input port '" + sig.name() + "' of module " + def.name()
                        + " is driven by its parent and cannot be assigned inside the module", loc);
                return;
            }
            case INSTANCE_OUTPUT -> {
                report(DiagnosticKind.HIERARCHY_VIOLATION, "'" + sig.name() + "' is output '" + sig.instancePort()
                        + "' of instance '" + sig.instance().name() + "' and is driven by that instance", loc);
                return;
            }
            case MEMORY_READ_DATA -> {
                report(DiagnosticKind.MULTIPLE_DRIVERS, "'" + sig.name() + "' is driven by a memory read port", loc,
                        sig.declaredAt());
                return;
            }
            default -> { }
        }
        int targetWidth = hi - lo + 1;
        Expr v = value.expr;
        HwType.Kind tk = sig.type().kind();
        HwType.Kind vk = value.hwType().kind();
        if ((tk == HwType.Kind.UINT && vk == HwType.Kind.SINT || tk == HwType.Kind.SINT && vk == HwType.Kind.UINT)
                && targetWidth == sig.width()) {
            report(DiagnosticKind.TYPE_MISMATCH, "TYPE MISMATCH (" + sig.type() + " <- " + value.hwType()
                    + ") assigning '" + sig.name() + "'; convert explicitly (asSInt/asUInt/toSInt)", loc);
        }
        if (v.width() != targetWidth) {
            report(DiagnosticKind.WIDTH_MISMATCH, "WIDTH MISMATCH (" + targetWidth + " bits <- " + v.width()
                    + " bits) assigning '" + sig.name() + (targetWidth == sig.width() ? "" : "[" + hi + ":" + lo + "]")
                    + "'; resize, truncate or extend explicitly", loc);
            v = v.width() > targetWidth ? Exprs.slice(v, targetWidth - 1, 0, v.type().withWidth(targetWidth))
                    : Exprs.extend(v, targetWidth, false);
        }
        scopes.peek().add(new Stmt.Assign(sig, hi, lo, Exprs.retype(v, sig.type().withWidth(targetWidth)), loc));
    }

    private void assignRaw(Signal target, Expr value, SourceLoc loc) {
        scopes.peek().add(new Stmt.Assign(target, target.width() - 1, 0, value, loc));
    }

    private static String ownerName(Signal s) {
        return s.owner() instanceof ModuleBuilder mb ? mb.moduleName() : String.valueOf(s.owner());
    }

    // ---- naming -------------------------------------------------------------------------------

    Signal declare(String name, HwType type, SignalKind kind) {
        return declareAt(name, type, kind, SourceLoc.capture());
    }

    private Signal declareAt(String name, HwType type, SignalKind kind, SourceLoc loc) {
        Signal s = new Signal(name, type, kind, this, loc);
        claim(name, s, loc);
        s.setIndex(def.signals().size());
        def.signals().add(s);
        return s;
    }

    private Signal signalNamed(String name) {
        return names.get(VerilogNames.escape(name)) instanceof Signal s ? s : null;
    }

    private void checkName(String name, SourceLoc loc) {
        claim(name, loc, loc);
    }

    /** Takes {@code name} for {@code what} (a Signal, or the location of a memory or instance). */
    private void claim(String name, Object what, SourceLoc loc) {
        if (!VerilogNames.isLegal(name)) {
            report(DiagnosticKind.NAME, "'" + name + "' is not a legal name (letters, digits and _; not starting"
                    + " with a digit)", loc);
            return;
        }
        Object previous = names.putIfAbsent(VerilogNames.escape(name), what);
        if (previous != null) {
            SourceLoc other = previous instanceof Signal sig ? sig.declaredAt() : (SourceLoc) previous;
            report(DiagnosticKind.NAME, "name '" + name + "' is already used in module " + def.name(), loc, other);
        }
    }

    @SuppressWarnings("unchecked")
    <T extends Val> T wrap(Signal s) {
        return (T) Vals.wrap(new Expr.Ref(s), this);
    }
}
