package dev.accelgen.pe.accel.core;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.ctrl.ControllerRtl;
import dev.accelgen.pe.accel.ctrl.EntryFields;
import dev.accelgen.pe.accel.ctrl.QueueLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.rtl.CoreNames;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;

/**
 * The compute unit: the dispatcher (cycle model: {@code ctrl.Dispatcher}) and the configuration's engines
 * ({@link EngineCatalog}). {@code can_start} says whether the compute queue's head on {@code instr} may start
 * (tokens aside); {@code start} latches it and raises its engine's {@code go} the next cycle. The active
 * engine's buffer ports reach {@code ab_*}, {@code sb_*}, {@code wb_*} through the registered engine select;
 * every engine sees the read data.
 */
public final class ComputeUnitRtl implements ModuleGen<HwConfig> {
    private static final int COUNT = ControllerRtl.PUSH_COUNT_BITS;

    @Override
    public String moduleName(HwConfig c) {
        return CoreNames.of(c, "compute");
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, HwConfig c) {
        List<EngineSlot<?>> slots = EngineCatalog.of(c);
        QueueLayout layout = QueueLayout.of(c, Queue.COMPUTE);
        Bool start = b.input("start", Bool.type());
        Bits instr = b.input("instr", Bits.type(layout.width()));
        EntryFields head = new EntryFields(instr, layout);
        Bool canStart = b.output("can_start", Bool.type());
        Bool busyOut = b.output("busy", Bool.type());
        Bool doneOut = b.output("done", Bool.type());
        UInt pushPrevOut = b.output("push_prev", UInt.type(COUNT));
        UInt pushNextOut = b.output("push_next", UInt.type(COUNT));
        b.<Bool>output("error", Bool.type()).set(Bool.FALSE);
        BufPorts bufs = BufPorts.declare(b, c);

        int selBits = bitsFor(Math.max(1, slots.size() - 1));
        Bits cur = b.reg("cur_q", Bits.type(layout.width()), 0);
        Bool go = b.reg("go_q", Bool.type(), 0);
        UInt sel = b.reg("sel_q", UInt.type(selBits), 0);
        UInt pending = b.reg("pending_q", UInt.type(COUNT), 0);
        UInt pendPrev = b.reg("pend_prev_q", UInt.type(COUNT), 0);
        UInt pendNext = b.reg("pend_next_q", UInt.type(COUNT), 0);
        Bool lastMm = b.reg("last_mm_q", Bool.type(), 0);
        Bool donePulse = b.reg("done_q", Bool.type(), 0);
        UInt donePrev = b.reg("done_prev_q", UInt.type(COUNT), 0);
        UInt doneNext = b.reg("done_next_q", UInt.type(COUNT), 0);
        EntryFields curFields = new EntryFields(cur, layout);

        List<EngineIo> ios = new ArrayList<>();
        List<Bool> ready = new ArrayList<>();
        List<Bool> busy = new ArrayList<>();
        List<Bool> matches = new ArrayList<>();
        for (int e = 0; e < slots.size(); e++) {
            EngineSlot<?> s = slots.get(e);
            Instance inst = s.instantiate(b, "engine" + e);
            EngineIo io = EngineIo.of(inst, s.geometry(), s.fields());
            ios.add(io);
            io.go().set(go.and(sel.eq(e)));
            for (EngineField f : s.fields()) {
                io.fields().get(f.name()).set(EngineFieldsRtl.value(curFields, cur, s.opcodes(), f));
            }
            bufs.feed(io);
            ready.add(io.ready());
            busy.add(io.busy());
            matches.add(b.named("head_engine" + e, matches(head, s)));
        }
        UInt firstMatch = u(0, selBits);
        for (int e = slots.size() - 1; e >= 0; e--) {
            firstMatch = matches.get(e).select(u(e, selBits), firstMatch);
        }
        UInt headEngine = b.named("head_engine", firstMatch);
        Bool idle = b.named("idle", pending.eq(0).and(go.not()));
        Bool isSync = b.named("head_is_sync", head.is(Opcode.SYNC));
        Bool headMm = layout.opcodes().contains(Opcode.MM) ? head.is(Opcode.MM) : Bool.FALSE;
        Bool overlap = layout.opcodes().contains(Opcode.MM) ? headMm.and(head.field(Opcode.MM, "overlap").eq(1))
                : Bool.FALSE;
        if (slots.isEmpty()) {
            canStart.set(isSync.and(idle));
        } else {
            Bool engineReady = b.named("head_engine_ready", new Vec<>(ready).read(headEngine));
            Bool overlapOk = overlap.and(go.not()).and(lastMm).and(headEngine.eq(sel)).and(engineReady);
            canStart.set(isSync.select(idle, idle.select(engineReady, overlapOk)));
            bufs.drive(ios, sel);
        }
        if (slots.isEmpty()) {
            bufs.idle();
        }
        busyOut.set(pending.ne(0).or(go));
        doneOut.set(donePulse);
        pushPrevOut.set(donePrev);
        pushNextOut.set(doneNext);

        Bool selBusy = slots.isEmpty() ? Bool.FALSE : b.named("sel_busy", new Vec<>(busy).read(sel));
        Bool completing = b.named("completing", pending.ne(0).and(go.not()).and(selBusy.not()));
        donePulse.set(completing);
        donePrev.set(completing.select(pendPrev, u(0, COUNT)));
        doneNext.set(completing.select(pendNext, u(0, COUNT)));
        UInt basePending = completing.select(u(0, COUNT), pending);
        UInt basePrev = completing.select(u(0, COUNT), pendPrev);
        UInt baseNext = completing.select(u(0, COUNT), pendNext);
        pending.set(basePending);
        pendPrev.set(basePrev);
        pendNext.set(baseNext);
        go.set(Bool.FALSE);
        b.when(start.and(isSync.not()), () -> {
            cur.set(instr);
            sel.set(headEngine);
            go.set(Bool.TRUE);
            pending.set(basePending.addWrap(1));
            pendPrev.set(basePrev.addWrap(head.dep(2).asUInt().resize(COUNT)));
            pendNext.set(baseNext.addWrap(head.dep(3).asUInt().resize(COUNT)));
            lastMm.set(headMm);
        });
    }

    /** The entry's instruction runs on slot {@code s}: one of its opcodes, and for MM the slot's unit. */
    private static Bool matches(EntryFields head, EngineSlot<?> s) {
        Bool m = Bool.FALSE;
        for (Opcode o : s.opcodes()) {
            Bool is = head.is(o);
            if (o == Opcode.MM) {
                is = is.and(head.field(Opcode.MM, "unit").eq(s.unit()));
            }
            m = m.or(is);
        }
        return m;
    }
}
