package dev.accelgen.hdl.ir;

import dev.accelgen.hdl.SourceLoc;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/** A named signal owned by one module. Identity-based: two signals are equal only if they are the same object. */
public final class Signal {
    private final String name;
    private final String verilogName;
    private final HwType type;
    private final SignalKind kind;
    private final Object owner;
    private final SourceLoc declaredAt;
    private Map<String, String> attributes = Map.of();
    private ClockDomain domain;
    private BigInteger resetValue;
    private Expr defaultValue;
    private InstanceDef instance;
    private String instancePort;
    private int index = -1;

    public Signal(String name, HwType type, SignalKind kind, Object owner, SourceLoc declaredAt) {
        this.name = name;
        this.verilogName = dev.accelgen.hdl.emit.VerilogNames.escape(name);
        this.type = type;
        this.kind = kind;
        this.owner = owner;
        this.declaredAt = declaredAt;
    }

    public String name() {
        return name;
    }

    /** The name as emitted: keywords escaped. */
    public String verilogName() {
        return verilogName;
    }

    public HwType type() {
        return type;
    }

    public int width() {
        return type.width();
    }

    public SignalKind kind() {
        return kind;
    }

    /** The module builder that owns this signal (used for hierarchy checks). */
    public Object owner() {
        return owner;
    }

    public SourceLoc declaredAt() {
        return declaredAt;
    }

    /** Synthesis attributes, sorted by name (most signals have none: no map is allocated for them). */
    public Map<String, String> attributes() {
        return attributes;
    }

    public void setAttribute(String key, String value) {
        if (attributes.isEmpty()) {
            attributes = new TreeMap<>();
        }
        attributes.put(key, value);
    }

    public ClockDomain domain() {
        return domain;
    }

    /** Reset value of a register, or null for a register without reset. */
    public BigInteger resetValue() {
        return resetValue;
    }

    public void makeRegister(ClockDomain domain, BigInteger resetValue) {
        this.domain = domain;
        this.resetValue = resetValue;
    }

    /** Value a combinational signal takes on paths that do not assign it; null means "must be assigned". */
    public Expr defaultValue() {
        return defaultValue;
    }

    public void setDefaultValue(Expr value) {
        this.defaultValue = value;
    }

    public InstanceDef instance() {
        return instance;
    }

    public String instancePort() {
        return instancePort;
    }

    public void bindToInstance(InstanceDef instance, String port) {
        this.instance = instance;
        this.instancePort = port;
    }

    /** Position in the owning module's signal list: lets passes use arrays instead of hash maps. */
    public int index() {
        return index;
    }

    public void setIndex(int index) {
        this.index = index;
    }

    @Override
    public String toString() {
        return name;
    }
}
