package dev.accelgen.cli.pe;

import java.util.concurrent.Callable;

/** Base of the per-kind commands: holds the family and its options mixin. */
abstract class KindRunner implements Callable<Integer> {
    final CliKind<?> kind;
    final KindOptions<?> options;

    KindRunner(CliKind<?> kind, KindOptions<?> options) {
        this.kind = kind;
        this.options = options;
    }

    /** The {@code --vectors} given, else the family's default. */
    int vectorsOrDefault(Integer given) {
        return given != null ? given : kind.kind().defaultVectors();
    }
}
