package dev.accelgen.hdl;

import java.util.Collections;
import java.util.Map;

/** The signals of one bundle in a module: ports, wires, or an instance's pins. */
public final class Ports {
    private final Bundle bundle;
    private final Map<String, Val> values;

    Ports(Bundle bundle, Map<String, Val> values) {
        this.bundle = bundle;
        this.values = Collections.unmodifiableMap(values);
    }

    public Bundle bundle() {
        return bundle;
    }

    @SuppressWarnings("unchecked")
    public <T extends Val> T get(String field) {
        Val v = values.get(field);
        if (v == null) {
            throw new IllegalArgumentException("bundle has no field '" + field + "'");
        }
        return (T) v;
    }
}
