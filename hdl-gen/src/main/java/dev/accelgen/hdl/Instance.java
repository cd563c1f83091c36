package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.InstanceDef;
import dev.accelgen.hdl.ir.Signal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A child instance seen from its parent: every pin is a signal of the parent, named {@code instance_port}. */
public final class Instance {
    private final ModuleBuilder parent;
    private final InstanceDef def;

    Instance(ModuleBuilder parent, InstanceDef def) {
        this.parent = parent;
        this.def = def;
    }

    public String name() {
        return def.name();
    }

    /** The pin connected to child port {@code port}: assign it if it is an input, read it if an output. */
    public <T extends Val> T port(String port) {
        Signal pin = def.pins().get(port);
        if (pin == null) {
            throw new IllegalArgumentException("module " + def.child().name() + " has no port '" + port + "' (instance "
                    + def.name() + " at " + SourceLoc.capture() + ")");
        }
        return parent.wrap(pin);
    }

    /** The pins {@code prefix_field} of a bundle the child declared with {@code ports(prefix, bundle)}. */
    public Ports ports(String prefix, Bundle bundle) {
        Map<String, Val> vals = new LinkedHashMap<>();
        for (Bundle.Field f : bundle.fields()) {
            vals.put(f.name(), port(prefix + "_" + f.name()));
        }
        return new Ports(bundle, vals);
    }

    /** A synthesis attribute on the instance, e.g. {@code keep_hierarchy = "yes"}. */
    public Instance attribute(String key, String value) {
        def.setAttribute(key, value);
        return this;
    }
}
