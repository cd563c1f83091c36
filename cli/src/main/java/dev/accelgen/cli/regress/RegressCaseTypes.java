package dev.accelgen.cli.regress;

import dev.accelgen.pe.UnitKinds;
import dev.accelgen.pe.regress.FixedUnitCases;
import dev.accelgen.pe.regress.RandomUnitCases;
import dev.accelgen.sim.regress.CaseType;
import dev.accelgen.sim.regress.CaseTypeProvider;
import dev.accelgen.sim.regress.CaseTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The case types suites may use. A new product type is one line here after its class; types outside the jar come
 * from {@link CaseTypeProvider}s on the class path.
 */
public final class RegressCaseTypes {
    private RegressCaseTypes() {
    }

    public static CaseTypes product() {
        List<CaseType<?>> types = new ArrayList<>(List.of(
                new RandomUnitCases(UnitKinds.all()),
                new FixedUnitCases(UnitKinds.all())));
        types.addAll(CaseTypeProvider.discovered());
        return CaseTypes.of(types);
    }
}
