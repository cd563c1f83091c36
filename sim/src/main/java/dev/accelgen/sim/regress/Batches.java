package dev.accelgen.sim.regress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups cases into batches: cases of one type and group (in suite order) split into the fewest batches the
 * type's {@link CaseType#batchLimit()} allows, of near-equal size. Deterministic, so the same cases form the
 * same bundles, and a re-run finds their Verilator builds in the cache.
 */
public final class Batches {
    private Batches() {
    }

    /** The batches of {@code cases}, largest estimate first (the order a run starts them in). */
    public static List<Batch> plan(String idPrefix, List<PlannedCase> cases, Estimates estimates) {
        Map<String, List<PlannedCase>> groups = new LinkedHashMap<>();
        cases.stream().sorted(Comparator.comparingInt(PlannedCase::order))
                .forEach(c -> groups.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c));
        List<Batch> out = new ArrayList<>();
        for (Map.Entry<String, List<PlannedCase>> g : groups.entrySet()) {
            List<PlannedCase> members = g.getValue();
            CaseType<?> type = members.get(0).type();
            int n = members.size();
            int count = (n + type.batchLimit() - 1) / type.batchLimit();
            for (int b = 0; b < count; b++) {
                List<PlannedCase> chunk = members.subList(b * n / count, (b + 1) * n / count);
                double seconds = estimates.model().batchSeconds() + estimates.total(chunk);
                out.add(new Batch(idPrefix + g.getKey() + "/" + b, type, chunk, seconds));
            }
        }
        out.sort(Comparator.comparingDouble(Batch::estimatedSeconds).reversed().thenComparing(Batch::id));
        return out;
    }

    /** Cases with the same key may share a batch. */
    static String key(PlannedCase c) {
        return c.type().name() + "/" + c.group();
    }
}
