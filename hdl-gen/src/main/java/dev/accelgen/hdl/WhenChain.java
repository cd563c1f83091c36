package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Stmt;

/** Continues a {@code when} with {@code elseWhen} and {@code otherwise} branches. */
public final class WhenChain {
    private final ModuleBuilder builder;
    private Stmt.When last;

    WhenChain(ModuleBuilder builder, Stmt.When first) {
        this.builder = builder;
        this.last = first;
    }

    public WhenChain elseWhen(Bool cond, Runnable body) {
        Stmt.When nested = new Stmt.When(cond.expr, SourceLoc.capture());
        last.elseBody().add(nested);
        builder.runIn(nested.thenBody(), body);
        last = nested;
        return this;
    }

    public void otherwise(Runnable body) {
        builder.runIn(last.elseBody(), body);
    }
}
