package dev.accelgen.sim.regress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.errors.ConfigError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One entry of a suite's {@code "cases"} array: its {@code type} and its JSON object. The accessors check
 * presence, JSON type and range, and report a problem as a one-line {@link ConfigError} naming the suite file
 * and entry ({@code "nightly.json cases[3]: configs must be in 1..100000 (got 0)"}).
 */
public record SuiteEntry(String where, String type, ObjectNode json) {
    public ConfigError error(String problem) {
        return new ConfigError(where, problem);
    }

    /** Fails on keys outside {@code allowed} (besides "type"): a misspelt key must not be silently ignored. */
    public void allowOnly(Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("type") && !allowed.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw error("unknown key(s) " + unknown + " for type " + type + " (allowed: " + allowed.stream().sorted().toList() + ")");
        }
    }

    public String string(String key) {
        JsonNode v = required(key);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw error(key + " must be a non-empty string (got " + v + ")");
        }
        return v.asText();
    }

    public long integer(String key, long min, long max) {
        return checkedLong(key, required(key), min, max);
    }

    public long integer(String key, long min, long max, long fallback) {
        JsonNode v = json.get(key);
        return v == null || v.isNull() ? fallback : checkedLong(key, v, min, max);
    }

    public ObjectNode object(String key) {
        JsonNode v = required(key);
        if (!v.isObject()) {
            throw error(key + " must be a JSON object (got " + v + ")");
        }
        return (ObjectNode) v;
    }

    private JsonNode required(String key) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            throw error("missing \"" + key + "\"");
        }
        return v;
    }

    private long checkedLong(String key, JsonNode v, long min, long max) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw error(key + " must be an integer in " + min + ".." + max + " (got " + v + ")");
        }
        return v.asLong();
    }
}
