package dev.accelgen.pe;

import dev.accelgen.pe.dsp.DspChainKind;
import dev.accelgen.pe.mixpe.MixPeKind;
import dev.accelgen.pe.mlgru.MlgruKind;
import dev.accelgen.pe.moe.MoeKind;
import dev.accelgen.pe.rmsnorm.RmsNormKind;
import dev.accelgen.pe.systolic.SystolicKind;
import dev.accelgen.pe.ternary.TernaryKind;
import java.util.List;
import java.util.Optional;

/** Every unit family the library offers, in the order the CLI lists them. */
public final class UnitKinds {
    private static final List<UnitKind<?>> ALL = List.of(
            new SystolicKind(),
            new MixPeKind(),
            new TernaryKind(),
            new MlgruKind(),
            new RmsNormKind(),
            new DspChainKind(),
            new MoeKind());

    private UnitKinds() {
    }

    public static List<UnitKind<?>> all() {
        return ALL;
    }

    public static Optional<UnitKind<?>> byName(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
