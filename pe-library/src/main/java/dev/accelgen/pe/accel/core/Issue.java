package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.ctrl.ControllerRtl;
import dev.accelgen.pe.accel.ctrl.EntryFields;
import dev.accelgen.pe.accel.ctrl.QueueLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Queue;

/**
 * The issue glue in RTL (cycle model: {@code ctrl.IssueGlue}): which queue heads start this cycle, from the
 * controller's heads and token counters and the engines' busy / can_start; and the engines' status back into
 * the controller.
 */
final class Issue {
    private Issue() {
    }

    static void wire(ModuleBuilder b, HwConfig c, Instance ctrl, Instance ld, Instance st, Instance cu, Bool clear,
                     Bool bufError) {
        EntryFields lq = new EntryFields(ctrl.port("lq_head"), QueueLayout.of(c, Queue.LOAD));
        EntryFields cq = new EntryFields(ctrl.port("cq_head"), QueueLayout.of(c, Queue.COMPUTE));
        EntryFields sq = new EntryFields(ctrl.port("sq_head"), QueueLayout.of(c, Queue.STORE));
        Bool error = b.named("issue_blocked", ctrl.<Bool>port("stopped").or(ld.port("error")).or(cu.port("error"))
                .or(st.port("error")).or(bufError));
        UInt l2c = ctrl.port("tok_l2c");
        UInt c2l = ctrl.port("tok_c2l");
        UInt c2s = ctrl.port("tok_c2s");
        UInt s2c = ctrl.port("tok_s2c");
        Bool lqStart = b.named("lq_start", error.not().and(ctrl.port("lq_head_valid")).and(ld.<Bool>port("busy").not())
                .and(lq.dep(1).not().or(c2l.ne(0))));
        Bool cqStart = b.named("cq_start", error.not().and(ctrl.port("cq_head_valid"))
                .and(cq.dep(0).not().or(l2c.ne(0))).and(cq.dep(1).not().or(s2c.ne(0))).and(cu.port("can_start")));
        Bool sqStart = b.named("sq_start", error.not().and(ctrl.port("sq_head_valid")).and(st.<Bool>port("busy").not())
                .and(sq.dep(0).not().or(c2s.ne(0))));
        ctrl.<Bool>port("lq_start").set(lqStart);
        ctrl.<Bool>port("cq_start").set(cqStart);
        ctrl.<Bool>port("sq_start").set(sqStart);
        ld.<Bool>port("start").set(lqStart.and(lq.is(Opcode.LD)));
        ld.<Bits>port("instr").set(ctrl.port("lq_head"));
        ld.<Bool>port("clear_errors").set(clear);
        st.<Bool>port("start").set(sqStart.and(sq.is(Opcode.ST)));
        st.<Bits>port("instr").set(ctrl.port("sq_head"));
        st.<Bool>port("clear_errors").set(clear);
        cu.<Bool>port("start").set(cqStart);
        cu.<Bits>port("instr").set(ctrl.port("cq_head"));
        int n = ControllerRtl.PUSH_COUNT_BITS;
        status(ctrl, "ld", ld, UInt.lit(0, n), ld.<Bool>port("push_next").asUInt().resize(n));
        status(ctrl, "st", st, st.<Bool>port("push_prev").asUInt().resize(n), UInt.lit(0, n));
        status(ctrl, "c", cu, cu.port("push_prev"), cu.port("push_next"));
    }

    private static void status(Instance ctrl, String p, Instance engine, UInt pushPrev, UInt pushNext) {
        ctrl.<Bool>port(p + "_busy").set(engine.port("busy"));
        ctrl.<Bool>port(p + "_done").set(engine.port("done"));
        ctrl.<UInt>port(p + "_push_prev").set(pushPrev);
        ctrl.<UInt>port(p + "_push_next").set(pushNext);
        ctrl.<Bool>port(p + "_error").set(engine.port("error"));
    }
}
