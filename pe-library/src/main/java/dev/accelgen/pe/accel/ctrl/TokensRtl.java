package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;

/** The four token counters in RTL (cycle model: {@link TokenCounters}): 16 bits, overflow sticky until cleared. */
final class TokensRtl {
    private static final int BITS = 16;
    private static final int SUM_BITS = BITS + 10;
    private final ModuleBuilder b;
    private final UInt[] n = new UInt[4];
    private final Bool overflow;

    TokensRtl(ModuleBuilder b) {
        this.b = b;
        String[] names = {"tok_l2c", "tok_c2l", "tok_c2s", "tok_s2c"};
        for (int i = 0; i < 4; i++) {
            n[i] = b.reg(names[i] + "_q", UInt.type(BITS), 0);
        }
        overflow = b.reg("tok_overflow_q", Bool.type(), 0);
    }

    UInt counter(int i) {
        return n[i];
    }

    Bool overflow() {
        return overflow;
    }

    /** The clock edge: counter i gains {@code push[i]} and loses {@code pop[i]} (0 or 1); {@code clear} zeroes all. */
    void tick(UInt[] push, Bool[] pop, Bool clear) {
        Bool over = Bool.FALSE;
        for (int i = 0; i < 4; i++) {
            UInt sum = b.named("tok_sum_" + i, n[i].resize(SUM_BITS).addWrap(push[i].resize(SUM_BITS))
                    .subWrap(pop[i].asUInt().resize(SUM_BITS)));
            n[i].set(sum.resize(BITS));
            over = over.or(sum.gt(UInt.lit(TokenCounters.MAX, SUM_BITS)));
        }
        Bool o = over;
        b.when(o, () -> overflow.set(Bool.TRUE));
        b.when(clear, () -> {
            for (UInt c : n) {
                c.set(0);
            }
            overflow.set(Bool.FALSE);
        });
    }
}
