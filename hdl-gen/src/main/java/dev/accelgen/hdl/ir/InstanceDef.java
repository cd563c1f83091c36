package dev.accelgen.hdl.ir;

import dev.accelgen.hdl.SourceLoc;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A child instance inside a parent module: the child definition and the parent-side signal of every pin. */
public final class InstanceDef {
    private final String name;
    private final ModuleDef child;
    private final SourceLoc loc;
    private final Map<String, Signal> pins = new LinkedHashMap<>();
    private Map<String, String> attributes = Map.of();
    private Map<String, String> parameters = Map.of();

    public InstanceDef(String name, ModuleDef child, SourceLoc loc) {
        this.name = name;
        this.child = child;
        this.loc = loc;
    }

    public String name() {
        return name;
    }

    public ModuleDef child() {
        return child;
    }

    public SourceLoc loc() {
        return loc;
    }

    /** Child port name to the parent-side signal connected to it, in the child's port order. */
    public Map<String, Signal> pins() {
        return pins;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public void setAttribute(String key, String value) {
        if (attributes.isEmpty()) {
            attributes = new TreeMap<>();
        }
        attributes.put(key, value);
    }

    /** Verilog parameter overrides ({@code #(.NAME(value))}), used for black boxes such as DSP48E2. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Sets all parameter overrides at once, sorted by name for deterministic output. */
    public void setParameters(Map<String, String> values) {
        parameters = values.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
