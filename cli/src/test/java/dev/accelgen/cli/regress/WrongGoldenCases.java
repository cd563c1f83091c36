package dev.accelgen.cli.regress;

import dev.accelgen.pe.regress.FixedUnitCases;
import dev.accelgen.pe.rmsnorm.RmsNormKind;
import dev.accelgen.pe.systolic.SystolicKind;
import dev.accelgen.sim.regress.CaseType;
import dev.accelgen.sim.regress.CaseTypeProvider;
import java.util.List;

/**
 * Test-only case type {@code unit-wrong-golden}: {@code unit-config} entries over {@link WrongGoldenKind}s
 * ({@code wrong-golden-systolic}, {@code wrong-golden-rmsnorm}). Registered through
 * META-INF/services in the test resources, so every accelgen started from the test class path knows it (the Slurm
 * test's cluster nodes included) and the product does not.
 */
public final class WrongGoldenCases implements CaseTypeProvider {
    public static final String TYPE = "unit-wrong-golden";

    @Override
    public List<CaseType<?>> types() {
        return List.of(new FixedUnitCases(TYPE, List.of(new WrongGoldenKind<>(new SystolicKind()), new WrongGoldenKind<>(new RmsNormKind()))));
    }
}
