package dev.accelgen.pe.regress;

import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.regress.SuiteEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code {"type": "unit-random", "kind": "mixpe", "configs": 20, "seed": 11, "vectors": 20}}: the first
 * {@code configs} random valid configurations drawn from {@code new Random(seed)}, one case each, with ids
 * {@code mixpe/random/s11/c0 .. c19}. Case {@code c<i>} is configuration i+1 of
 * {@code accelgen pe verify mixpe --configs N --seed 11} (same configuration, same stimulus seed
 * {@code seed * 1000003 + i}), and its id does not depend on {@code configs}.
 */
public final class RandomUnitCases extends UnitCaseType {
    public static final String TYPE = "unit-random";
    static final int MAX_CONFIGS = 100_000;

    public RandomUnitCases(List<UnitKind<?>> kinds) {
        super(TYPE, kinds);
    }

    @Override
    public List<UnitCase> expand(SuiteEntry entry) {
        entry.allowOnly(Set.of("kind", "configs", "seed", "vectors"));
        UnitKind<?> kind = kind(entry);
        int configs = (int) entry.integer("configs", 1, MAX_CONFIGS);
        long seed = entry.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int vectors = vectors(entry);
        Random rng = new Random(seed);
        List<UnitCase> out = new ArrayList<>();
        for (int i = 0; i < configs; i++) {
            Record config = kind.randomConfig(rng);
            out.add(new UnitCase(kind.name() + "/random/s" + seed + "/c" + i, kind, config, vectors, seed * 1_000_003L + i));
        }
        return out;
    }
}
