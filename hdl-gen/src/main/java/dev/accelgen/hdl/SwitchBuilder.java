package dev.accelgen.hdl;

import java.math.BigInteger;

/**
 * {@code switch/is/default}: lowered to a when-chain comparing the selector with each case value, so the
 * latch and driver rules of {@code when} apply unchanged.
 */
public final class SwitchBuilder {
    private final ModuleBuilder builder;
    private final Val selector;
    private WhenChain chain;

    SwitchBuilder(ModuleBuilder builder, Val selector) {
        this.builder = builder;
        this.selector = selector;
    }

    public SwitchBuilder is(long value, Runnable body) {
        Val lit = Vals.literalLike(selector, BigInteger.valueOf(value));
        Bool match = new Bool(new dev.accelgen.hdl.ir.Expr.Binary(dev.accelgen.hdl.ir.Expr.BinOp.EQ, selector.expr,
                lit.expr, Bool.HW, false), selector.owner);
        chain = chain == null ? builder.when(match, body) : chain.elseWhen(match, body);
        return this;
    }

    /** The default branch, taken when no case matches. */
    public void otherwise(Runnable body) {
        if (chain == null) {
            body.run();
        } else {
            chain.otherwise(body);
        }
    }
}
