package dev.accelgen.sim.regress;

import dev.accelgen.errors.ConfigError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case types a command line knows, by name. The product registers its types in one place (the CLI's
 * {@code RegressCaseTypes}); tests add their own.
 */
public final class CaseTypes {
    private final Map<String, CaseType<?>> byName = new LinkedHashMap<>();

    private CaseTypes(List<CaseType<?>> types) {
        for (CaseType<?> t : types) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalArgumentException("case type " + t.name() + " registered twice");
            }
        }
    }

    public static CaseTypes of(List<CaseType<?>> types) {
        return new CaseTypes(types);
    }

    /** Every case of the suite in suite order; unknown types and duplicate ids are the suite's error. */
    public List<PlannedCase> expand(Suite suite) {
        List<PlannedCase> out = new ArrayList<>();
        Map<String, String> firstEntry = new HashMap<>();
        for (SuiteEntry e : suite.entries()) {
            CaseType<?> t = byName.get(e.type());
            if (t == null) {
                throw e.error("unknown case type \"" + e.type() + "\" (known: " + String.join(", ", byName.keySet()) + ")");
            }
            for (RegressCase c : t.expand(e)) {
                CaseIds.check(c.id());
                String before = firstEntry.putIfAbsent(c.id(), e.where());
                if (before != null) {
                    throw new ConfigError(e.where(), "case " + c.id() + " is already in " + before);
                }
                out.add(new PlannedCase(t, c, out.size()));
            }
        }
        return out;
    }
}
