package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Queue;
import java.util.Random;

/**
 * The fuzzer's token bookkeeping: tokens pushed earlier in program order that no pop has claimed, per counter.
 * An instruction pops only a counter with such a token, so every pop is matched by an earlier push and a
 * program cannot deadlock (the earliest unfinished instruction can always start). A loop body starts from a
 * fresh ledger, so each iteration only pops what it pushed.
 */
final class TokenLedger {
    private static final int L2C = 0;
    private static final int C2L = 1;
    private static final int C2S = 2;
    private static final int S2C = 3;
    private final int[] free = new int[4];

    /** Random flags for an instruction of queue {@code q} ({@code sync}: a SYNC may pop and push alike). */
    Deps draw(Queue q, Random rng) {
        boolean popPrev = false;
        boolean popNext = false;
        boolean pushPrev = false;
        boolean pushNext = false;
        switch (q) {
            case LOAD -> {
                popNext = take(C2L, rng);
                pushNext = rng.nextInt(3) == 0;
            }
            case COMPUTE -> {
                popPrev = take(L2C, rng);
                popNext = take(S2C, rng);
                pushPrev = rng.nextInt(4) == 0;
                pushNext = rng.nextInt(3) == 0;
            }
            case STORE -> {
                popPrev = take(C2S, rng);
                pushPrev = rng.nextInt(3) == 0;
            }
        }
        Deps d = new Deps(popPrev, popNext, pushPrev, pushNext);
        record(q, d);
        return d;
    }

    private boolean take(int counter, Random rng) {
        if (free[counter] > 0 && rng.nextInt(3) != 0) {
            free[counter]--;
            return true;
        }
        return false;
    }

    private void record(Queue q, Deps d) {
        switch (q) {
            case LOAD -> free[L2C] += d.pushNext() ? 1 : 0;
            case COMPUTE -> {
                free[C2L] += d.pushPrev() ? 1 : 0;
                free[C2S] += d.pushNext() ? 1 : 0;
            }
            case STORE -> free[S2C] += d.pushPrev() ? 1 : 0;
        }
    }

    /** Adds what a loop body left unclaimed, once per iteration. */
    void absorb(TokenLedger body, int iterations) {
        for (int i = 0; i < 4; i++) {
            free[i] += body.free[i] * iterations;
        }
    }
}
