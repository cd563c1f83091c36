package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.model.ControlWires;
import java.util.List;

/**
 * The token counters' pops and pushes in RTL (cycle model: {@link TokenCounters#started} and
 * {@link TokenCounters#completed}): pops when a head starts, a SYNC's pushes at its start, the engines' pushes
 * with their completion pulses.
 */
final class TokenUpdates {
    private static final int POP_PREV = 0;
    private static final int POP_NEXT = 1;
    private static final int PUSH_PREV = 2;
    private static final int PUSH_NEXT = 3;

    private TokenUpdates() {
    }

    static void apply(ModuleBuilder b, HwConfig c, TokensRtl tokens, List<QueueLayout> layouts, List<QueueRtl> queues,
                      List<Bool> starts, EngineIn ld, EngineIn cp, EngineIn st, Bool clear) {
        EntryFields lq = new EntryFields(queues.get(0).head(), layouts.get(0));
        EntryFields cq = new EntryFields(queues.get(1).head(), layouts.get(1));
        EntryFields sq = new EntryFields(queues.get(2).head(), layouts.get(2));
        Bool ls = starts.get(Queue.LOAD.ordinal());
        Bool cs = starts.get(Queue.COMPUTE.ordinal());
        Bool ss = starts.get(Queue.STORE.ordinal());
        Bool[] pop = new Bool[4];
        pop[ControlWires.COMPUTE_TO_LOAD] = ls.and(lq.dep(POP_NEXT));
        pop[ControlWires.LOAD_TO_COMPUTE] = cs.and(cq.dep(POP_PREV));
        pop[ControlWires.STORE_TO_COMPUTE] = cs.and(cq.dep(POP_NEXT));
        pop[ControlWires.COMPUTE_TO_STORE] = ss.and(sq.dep(POP_PREV));
        UInt[] push = new UInt[4];
        push[ControlWires.LOAD_TO_COMPUTE] = sum(ls.and(lq.is(Opcode.SYNC)).and(lq.dep(PUSH_NEXT)),
                ld.done().select(ld.pushNext(), zero()));
        push[ControlWires.COMPUTE_TO_LOAD] = sum(cs.and(cq.is(Opcode.SYNC)).and(cq.dep(PUSH_PREV)),
                cp.done().select(cp.pushPrev(), zero()));
        push[ControlWires.COMPUTE_TO_STORE] = sum(cs.and(cq.is(Opcode.SYNC)).and(cq.dep(PUSH_NEXT)),
                cp.done().select(cp.pushNext(), zero()));
        push[ControlWires.STORE_TO_COMPUTE] = sum(ss.and(sq.is(Opcode.SYNC)).and(sq.dep(PUSH_PREV)),
                st.done().select(st.pushPrev(), zero()));
        tokens.tick(push, pop, clear);
    }

    private static UInt zero() {
        return UInt.lit(0, ControllerRtl.PUSH_COUNT_BITS);
    }

    private static UInt sum(Bool sync, UInt engine) {
        return engine.add(sync.asUInt());
    }
}
