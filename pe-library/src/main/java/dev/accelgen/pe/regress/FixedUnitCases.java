package dev.accelgen.pe.regress;

import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.regress.CaseIds;
import dev.accelgen.sim.regress.SuiteEntry;
import java.util.List;
import java.util.Set;

/**
 * {@code {"type": "unit-config", "kind": "mixpe", "config": {"wBits": 4, "aType": "fp16", ...}, "seed": 1,
 * "vectors": 20}}: one configuration given component by component ({@link ConfigJson}), one case with id
 * {@code mixpe/config/4_fp16_4_8_1_shiftadd/s1} (the component values in record order, then the seed).
 */
public final class FixedUnitCases extends UnitCaseType {
    public static final String TYPE = "unit-config";

    public FixedUnitCases(List<UnitKind<?>> kinds) {
        this(TYPE, kinds);
    }

    /** The same entry form under another type name, for other kind lists (tests register a broken kind so). */
    public FixedUnitCases(String typeName, List<UnitKind<?>> kinds) {
        super(typeName, kinds);
    }

    @Override
    public List<UnitCase> expand(SuiteEntry entry) {
        entry.allowOnly(Set.of("kind", "config", "seed", "vectors"));
        UnitKind<?> kind = kind(entry);
        Record config = ConfigJson.read(kind.configType(), entry.object("config"), entry::error);
        long seed = entry.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
        String values = String.join("_", ConfigJson.words(config).stream().map(CaseIds::segment).toList());
        return List.of(new UnitCase(kind.name() + "/config/" + values + "/s" + seed, kind, config, vectors(entry), seed));
    }
}
