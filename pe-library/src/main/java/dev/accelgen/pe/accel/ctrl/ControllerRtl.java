package dev.accelgen.pe.accel.ctrl;

import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.dma.AxiReadPins;
import dev.accelgen.pe.accel.dma.BurstIssuerRtl;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.Registers;
import dev.accelgen.pe.accel.rtl.CoreNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The controller (cycle model: {@link Controller}): start / done, the program fetch on port 0 ({@code f_*}
 * read channel), IMEM, the register file, the decoder, the three instruction queues with their heads
 * ({@code <q>_head}, {@code <q>_head_valid}) and the token counters, all outputs from registers or
 * from the queue RAMs' registered pointers.
 */
public final class ControllerRtl implements ModuleGen<HwConfig> {
    static final int IDLE = 0;
    static final int HEADER = 1;
    static final int CHECK = 2;
    static final int FETCH = 3;
    static final int RUN = 4;
    static final int DRAIN = 5;
    static final String[] QUEUE_PREFIX = {"lq", "cq", "sq"};
    /** Width of the compute side's completion push counts. */
    public static final int PUSH_COUNT_BITS = 8;

    @Override
    public String moduleName(HwConfig c) {
        return CoreNames.of(c, "controller");
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, HwConfig c) {
        Bool startValid = b.input("start_valid", Bool.type());
        Bool startReady = b.output("start_ready", Bool.type());
        List<UInt> startRegs = new ArrayList<>();
        for (int i = 1; i <= Registers.RUN_PARAMS; i++) {
            startRegs.add(b.input("start_r" + i, UInt.type(32)));
        }
        Bool doneValid = b.output("done_valid", Bool.type());
        UInt doneStatus = b.output("done_status", UInt.type(3));
        UInt base0 = b.input("base_0", UInt.type(BurstIssuerRtl.ADDR_BITS));
        UInt progOffset = b.input("prog_offset", UInt.type(32));
        AxiReadPins f = AxiReadPins.declare(b, "f", c.portBits());
        Bool fetchingOut = b.output("fetching", Bool.type());
        Bool clearOut = b.output("clear_errors", Bool.type());
        Bool stoppedOut = b.output("stopped", Bool.type());
        List<QueueLayout> layouts = new ArrayList<>();
        List<Bool> starts = new ArrayList<>();
        for (Queue q : Queue.values()) {
            QueueLayout l = QueueLayout.of(c, q);
            layouts.add(l);
            starts.add(b.input(QUEUE_PREFIX[q.ordinal()] + "_start", Bool.type()));
        }
        EngineIn ld = EngineIn.declare(b, "ld");
        EngineIn cp = EngineIn.declare(b, "c");
        EngineIn st = EngineIn.declare(b, "st");
        Bool bufError = b.input("buf_error", Bool.type());

        UInt state = b.reg("state_q", UInt.type(3), IDLE);
        Bool doneQ = b.reg("done_q", Bool.type(), 0);
        UInt statusQ = b.reg("status_q", UInt.type(3), 0);
        Bool clearQ = b.reg("clear_q", Bool.type(), 0);
        Bool illegal = b.reg("illegal_q", Bool.type(), 0);
        Bool fetchError = b.reg("fetch_error_q", Bool.type(), 0);
        UInt pc = b.reg("pc_q", UInt.type(FetchRtl.PC_BITS), 0);
        Bool irValid = b.reg("ir_valid_q", Bool.type(), 0);
        List<UInt> regs = new ArrayList<>();
        regs.add(u(0, 32));
        for (int i = 1; i < Registers.COUNT; i++) {
            regs.add(b.reg("r" + i + "_q", UInt.type(32), 0));
        }
        Vec<UInt> regVec = new Vec<>(regs);
        BurstIssuerRtl issuer = new BurstIssuerRtl(b, "fetch", c.portBytes(), c.maxBurst(), c.maxOutstanding());
        FetchRtl fetch = new FetchRtl(b, c.portBytes(), c.imemWords());
        TokensRtl tokens = new TokensRtl(b);
        List<QueueRtl> queues = new ArrayList<>();
        for (Queue q : Queue.values()) {
            queues.add(new QueueRtl(b, QUEUE_PREFIX[q.ordinal()], c.queueDepth(), layouts.get(q.ordinal()).width()));
        }
        RamStyle imemStyle = (long) c.imemWords() * InstrLayout.BITS >= (1L << 20) ? RamStyle.ULTRA : RamStyle.BLOCK;
        Mem<Bits> imem = b.mem("imem", Bits.type(InstrLayout.BITS), c.imemWords(), imemStyle);

        Bool idle = b.named("in_idle", state.eq(IDLE));
        Bool inHeader = b.named("in_header", state.eq(HEADER));
        Bool inCheck = b.named("in_check", state.eq(CHECK));
        Bool inFetch = b.named("in_fetch", state.eq(FETCH));
        Bool inRun = b.named("in_run", state.eq(RUN));
        Bool inDrain = b.named("in_drain", state.eq(DRAIN));
        Bool fetching = b.named("fetching_now", inHeader.or(inCheck).or(inFetch));

        // outputs
        startReady.set(idle);
        doneValid.set(doneQ);
        doneStatus.set(statusQ);
        f.arValid().set(fetching.and(issuer.valid()));
        f.arAddr().set(issuer.addr().asBits());
        f.arLen().set(issuer.len().asBits());
        f.rReady().set(inHeader.or(inFetch.and(fetch.rReady())));
        fetchingOut.set(fetching);
        clearOut.set(clearQ);
        Bool stopped = b.named("stopped_now", illegal.or(fetchError).or(tokens.overflow()));
        stoppedOut.set(stopped);
        for (Queue q : Queue.values()) {
            String p = QUEUE_PREFIX[q.ordinal()];
            b.<Bool>output(p + "_head_valid", Bool.type()).set(queues.get(q.ordinal()).valid());
            b.<Bits>output(p + "_head", Bits.type(layouts.get(q.ordinal()).width())).set(queues.get(q.ordinal()).head());
        }
        String[] tokNames = {"tok_l2c", "tok_c2l", "tok_c2s", "tok_s2c"};
        for (int i = 0; i < 4; i++) {
            b.<UInt>output(tokNames[i], UInt.type(16)).set(tokens.counter(i));
        }

        // the clock edge
        Bool errorNow = b.named("error_now", stopped.or(ld.error()).or(st.error()).or(cp.error()).or(bufError));
        Bool drained = b.named("drained", queues.get(0).empty().and(queues.get(1).empty()).and(queues.get(2).empty())
                .and(ld.busy().not()).and(cp.busy().not()).and(st.busy().not()));
        UInt status = b.named("status_now", Bits.cat(illegal.or(tokens.overflow()).or(cp.error()).or(bufError),
                st.error(), fetchError.or(ld.error())).asUInt());
        doneQ.set(Bool.FALSE);
        clearQ.set(Bool.FALSE);
        Bool fire = b.named("f_r_fire", f.rValid().and(f.rReady()));
        Bool arFire = b.named("f_ar_fire", f.arValid().and(f.arReady()));
        Bool begin = b.named("begin", idle.and(startValid));

        // decode and execute (RUN)
        Bool imemRdEn = b.wire("imem_rd_en", Bool.type());
        UInt imemRdAddr = b.wire("imem_rd_addr", UInt.type(imem.addressWidth()));
        Bits ir = imem.readSync(imemRdEn, imemRdAddr, "ir");
        DecoderRtl dec = new DecoderRtl(b, c, ir, regVec, fetch.count);
        Bool executing = b.named("executing", inRun.and(errorNow.not()).and(irValid));
        Bool pastEnd = b.named("past_end", pc.ge(fetch.count));
        Bool refuse = b.named("refuse", executing.and(pastEnd.or(dec.illegal())));
        Bool legal = b.named("legal", executing.and(refuse.not()));
        Bool queued = Bool.FALSE;
        List<Bool> toQueue = new ArrayList<>();
        for (Queue q : Queue.values()) {
            Bool t = Bool.FALSE;
            for (Opcode o : layouts.get(q.ordinal()).opcodes()) {
                if (o == Opcode.SYNC) {
                    t = t.or(dec.is(o).and(dec.field(Opcode.SYNC, "target").eq(q.ordinal())));
                } else {
                    t = t.or(dec.is(o));
                }
            }
            toQueue.add(b.named("to_" + QUEUE_PREFIX[q.ordinal()], t));
            queued = queued.or(t);
        }
        Bool room = Bool.FALSE;
        for (Queue q : Queue.values()) {
            room = room.or(toQueue.get(q.ordinal()).and(queues.get(q.ordinal()).hasRoom()));
        }
        Bool halt = b.named("exec_halt", legal.and(dec.is(Opcode.HALT)));
        Bool push = b.named("exec_push", legal.and(queued).and(room));
        Bool advance = b.named("advance", legal.and(dec.is(Opcode.HALT).not()).and(queued.not().or(room)));
        UInt ra = regVec.read(dec.field(Opcode.BRANCH, "ra"));
        UInt rb = regVec.read(dec.field(Opcode.BRANCH, "rb"));
        SInt sa = ra.asSInt();
        SInt sb = rb.asSInt();
        UInt cond = dec.field(Opcode.BRANCH, "cond");
        Bool taken = b.named("branch_taken", dec.is(Opcode.BRANCH).and(cond.eq(0).and(sa.lt(sb))
                .or(cond.eq(1).and(sa.ge(sb))).or(cond.eq(2).and(ra.eq(rb))).or(cond.eq(3).and(ra.ne(rb)))));
        UInt target = dec.field(Opcode.BRANCH, "target").resize(FetchRtl.PC_BITS);
        UInt nextPc = b.named("next_pc", taken.select(target, pc.addWrap(1)));
        Bool readNow = b.named("read_now", inRun.and(errorNow.not()).and(irValid.not().or(advance)));
        UInt readPc = irValid.select(nextPc, pc);
        imemRdEn.set(readNow.and(readPc.lt(fetch.count)));
        imemRdAddr.set(readPc.resize(imem.addressWidth()));
        AluRtl.write(b, dec, regs, regVec, legal, begin, startRegs);

        // fetch
        fetch.startHeader(begin);
        issuer.tick(fetching.and(arFire), fetching.and(fire).and(f.rLast()));
        issuer.load(begin, base0, progOffset, u(0, 32), u(fetch.headerBeatCount(), 32), u(1, 32));
        Bool lastHeader = fetch.headerBeat(inHeader.and(fire), f.rData());
        Bool headerOk = fetch.headerOk();
        Bool fetchGo = b.named("fetch_go", inCheck.and(fetchError.not()).and(headerOk));
        issuer.load(fetchGo, base0, progOffset.addWrap(ProgramBinary.HEADER_BYTES), u(0, 32), fetch.instructionBeats(),
                u(1, 32));
        fetch.startInstructions(fetchGo);
        FetchRtl.Store store = fetch.store(inFetch, fire, f.rData());
        imem.write(store.en(), store.addr().resize(imem.addressWidth()), store.data());
        b.when(fetching.and(fire).and(f.rResp().ne(0)), () -> fetchError.set(Bool.TRUE));

        // queues and tokens
        Bool flush = b.named("flush", inRun.and(errorNow).or(refuse).or(inDrain.and(errorNow)));
        for (Queue q : Queue.values()) {
            int i = q.ordinal();
            queues.get(i).tick(push.and(toQueue.get(i)), dec.entry(layouts.get(i)), starts.get(i), flush);
        }
        TokenUpdates.apply(b, c, tokens, layouts, queues, starts, ld, cp, st, begin);

        // state
        b.when(begin, () -> {
            state.set(HEADER);
            clearQ.set(Bool.TRUE);
            illegal.set(Bool.FALSE);
            fetchError.set(Bool.FALSE);
        });
        b.when(lastHeader, () -> state.set(CHECK));
        b.when(inCheck, () -> {
            b.when(fetchGo, () -> state.set(FETCH)).otherwise(() -> {
                b.when(headerOk.not(), () -> illegal.set(Bool.TRUE));
                state.set(DRAIN);
            });
        });
        b.when(store.last(), () -> {
            state.set(fetchError.or(fire.and(f.rResp().ne(0))).select(u(DRAIN, 3), u(RUN, 3)));
            pc.set(0);
            irValid.set(Bool.FALSE);
        });
        b.when(inRun, () -> {
            b.when(errorNow.or(refuse).or(halt), () -> state.set(DRAIN));
            b.when(refuse, () -> illegal.set(Bool.TRUE));
            b.when(errorNow.not().and(irValid.not()), () -> irValid.set(Bool.TRUE));
            b.when(advance, () -> pc.set(nextPc));
        });
        b.when(inDrain.and(drained), () -> {
            doneQ.set(Bool.TRUE);
            statusQ.set(status);
            state.set(IDLE);
        });
    }
}
