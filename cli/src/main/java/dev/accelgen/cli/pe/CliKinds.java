package dev.accelgen.cli.pe;

import dev.accelgen.pe.dsp.DspChainKind;
import dev.accelgen.pe.mixpe.MixPeKind;
import dev.accelgen.pe.mlgru.MlgruKind;
import dev.accelgen.pe.moe.MoeKind;
import dev.accelgen.pe.rmsnorm.RmsNormKind;
import dev.accelgen.pe.systolic.SystolicKind;
import dev.accelgen.pe.ternary.TernaryKind;
import java.util.List;

/** Every unit family reachable from {@code accelgen pe}. */
public final class CliKinds {
    private CliKinds() {
    }

    public static List<CliKind<?>> all() {
        return List.of(
                new CliKind<>(new SystolicKind(), SystolicOptions::new),
                new CliKind<>(new MixPeKind(), MixPeOptions::new),
                new CliKind<>(new TernaryKind(), TernaryOptions::new),
                new CliKind<>(new MlgruKind(), MlgruOptions::new),
                new CliKind<>(new RmsNormKind(), RmsNormOptions::new),
                new CliKind<>(new DspChainKind(), DspChainOptions::new),
                new CliKind<>(new MoeKind(), MoeOptions::new));
    }
}
