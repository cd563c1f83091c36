package dev.accelgen.compiler.backend.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The code generator's decisions per LIR op, as plan.json lists them (insertion-ordered maps of plain values). */
final class PlanLog {
    private final List<Map<String, Object>> ops = new ArrayList<>();
    private Map<String, Object> current;

    Map<String, Object> begin(int index, String tag, String name) {
        current = new LinkedHashMap<>();
        current.put("op", index);
        current.put("kind", tag);
        current.put("value", name);
        ops.add(current);
        return current;
    }

    /** Adds {@code value} under {@code key} of the current op (a list when the key repeats). */
    @SuppressWarnings("unchecked")
    void add(String key, Object value) {
        Object old = current.get(key);
        if (old instanceof List<?> l) {
            ((List<Object>) l).add(value);
        } else {
            List<Object> l = new ArrayList<>();
            l.add(value);
            current.put(key, l);
        }
    }

    void put(String key, Object value) {
        current.put(key, value);
    }

    List<Map<String, Object>> ops() {
        return ops;
    }
}
