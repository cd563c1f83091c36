package dev.accelgen.cli.pe;

import dev.accelgen.pe.UnitKind;
import java.util.function.Supplier;

/** A unit family as the CLI sees it: the library's kind plus the options that configure it. */
public record CliKind<C extends Record>(UnitKind<C> kind, Supplier<KindOptions<C>> options) {
    public String name() {
        return kind.name();
    }
}
