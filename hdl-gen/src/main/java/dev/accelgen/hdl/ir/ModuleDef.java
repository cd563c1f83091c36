package dev.accelgen.hdl.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One elaborated module: its ports, internal signals, statements, child instances, memories and the
 * manifest metadata. Built once per distinct (generator, config) and shared by all its instances.
 */
public final class ModuleDef {
    private final String name;
    private final String description;
    private final Map<String, Object> params;
    private final List<Signal> ports = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<Stmt> body = new ArrayList<>();
    private final List<InstanceDef> instances = new ArrayList<>();
    private final List<MemoryDef> memories = new ArrayList<>();
    private final List<StreamDef> streams = new ArrayList<>();
    private final List<ReadMemoryDef> readMemories = new ArrayList<>();
    private final List<WriteMemoryDef> writeMemories = new ArrayList<>();
    private final List<ClockDomain> domains = new ArrayList<>();
    private BlackBoxModel blackBox;

    /** Behavioural model of a vendor primitive: Verilog text used in simulation only. */
    public record BlackBoxModel(String simFileName, String simSource) { }

    public ModuleDef(String name, String description, Map<String, Object> params) {
        this.name = name;
        this.description = description;
        this.params = new LinkedHashMap<>(params);
    }

    public String name() {
        return name;
    }

    /** Human-readable configuration, written into the file header. */
    public String description() {
        return description;
    }

    public Map<String, Object> params() {
        return params;
    }

    public List<Signal> ports() {
        return ports;
    }

    /** Every signal declared in the module (ports included), in declaration order. */
    public List<Signal> signals() {
        return signals;
    }

    public List<Stmt> body() {
        return body;
    }

    public List<InstanceDef> instances() {
        return instances;
    }

    public List<MemoryDef> memories() {
        return memories;
    }

    public List<StreamDef> streams() {
        return streams;
    }

    public List<ReadMemoryDef> readMemories() {
        return readMemories;
    }

    public List<WriteMemoryDef> writeMemories() {
        return writeMemories;
    }

    /** Clock domains used by registers and memories of this module, in first-use order. */
    public List<ClockDomain> domains() {
        return domains;
    }

    public BlackBoxModel blackBox() {
        return blackBox;
    }

    public boolean isBlackBox() {
        return blackBox != null;
    }

    public void markBlackBox(BlackBoxModel model) {
        this.blackBox = model;
    }

    public Signal port(String portName) {
        for (Signal p : ports) {
            if (p.name().equals(portName)) {
                return p;
            }
        }
        return null;
    }
}
