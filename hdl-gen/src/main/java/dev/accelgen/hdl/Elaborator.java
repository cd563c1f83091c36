package dev.accelgen.hdl;

import dev.accelgen.hdl.check.CombinationalLoops;
import dev.accelgen.hdl.check.Lowering;
import dev.accelgen.hdl.check.Netlist;
import dev.accelgen.hdl.ir.HwType;
import dev.accelgen.hdl.ir.ModuleDef;
import dev.accelgen.hdl.ir.Signal;
import dev.accelgen.hdl.ir.SignalKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elaborates a design: builds each distinct (generator class, config) once, lowers it to a netlist and runs
 * the checks on it as soon as it is built, collecting every diagnostic.
 */
final class Elaborator {
    private final Map<List<Object>, ModuleDef> cache = new HashMap<>();
    private final Map<String, List<Object>> keysByName = new HashMap<>();
    private final List<ModuleDef> order = new ArrayList<>();
    private final Map<ModuleDef, Netlist> netlists = new IdentityHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private long checkNanos;

    void report(Diagnostic d) {
        diagnostics.add(d);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Time spent in lowering and checks (the rest of elaboration is the generators' own code). */
    long checkNanos() {
        return checkNanos;
    }

    List<ModuleDef> modulesLeavesFirst() {
        return order;
    }

    Map<ModuleDef, Netlist> netlists() {
        return netlists;
    }

    <C> ModuleDef module(ModuleGen<C> gen, C config) {
        List<Object> key = List.of(gen.getClass(), config);
        ModuleDef cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String name = gen.moduleName(config);
        List<Object> previous = keysByName.putIfAbsent(name, key);
        if (previous != null) {
            diagnostics.add(new Diagnostic(DiagnosticKind.NAME, name, "module name '" + name
                    + "' is produced by two different configurations (" + previous.get(1) + " and " + config
                    + "); make moduleName encode every parameter", List.of(SourceLoc.capture())));
        }
        ModuleDef def = new ModuleDef(name, String.valueOf(config), params(config));
        cache.put(key, def);
        ModuleBuilder b = new ModuleBuilder(def, this);
        gen.build(b, config);
        long t0 = System.nanoTime();
        Netlist netlist = Lowering.lower(def, diagnostics);
        CombinationalLoops.check(def, netlist, netlists, diagnostics);
        checkNanos += System.nanoTime() - t0;
        netlists.put(def, netlist);
        order.add(def);
        return def;
    }

    ModuleDef blackBox(BlackBox box) {
        List<Object> key = List.of(BlackBox.class, box);
        ModuleDef cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        ModuleDef def = new ModuleDef(box.name(), "vendor primitive " + box.name(), Map.of());
        for (BlackBox.Pin p : box.pins()) {
            HwType t = p.width() == 1 ? new HwType(HwType.Kind.BOOL, 1) : new HwType(HwType.Kind.BITS, p.width());
            Signal s = new Signal(p.name(), t, p.input() ? SignalKind.INPUT : SignalKind.OUTPUT, box, SourceLoc.UNKNOWN);
            s.setIndex(def.signals().size());
            def.ports().add(s);
            def.signals().add(s);
        }
        def.markBlackBox(new ModuleDef.BlackBoxModel(box.simFileName(), box.simSource()));
        Netlist netlist = new Netlist();
        netlists.put(def, netlist);
        cache.put(key, def);
        order.add(def);
        return def;
    }

    private static Map<String, Object> params(Object config) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (config instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    Object v = c.getAccessor().invoke(r);
                    out.put(c.getName(), v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read config component " + c.getName(), e);
                }
            }
        } else if (config != null) {
            out.put("config", String.valueOf(config));
        }
        return out;
    }
}
