package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.dma.BurstIssuer;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.Registers;
import dev.accelgen.pe.accel.model.AxiPortWires;
import dev.accelgen.pe.accel.model.BufferErrors;
import dev.accelgen.pe.accel.model.Clocked;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.CoreEvent;
import dev.accelgen.pe.accel.model.EngineStatus;
import dev.accelgen.pe.accel.model.EventLog;
import dev.accelgen.pe.accel.model.FetchWires;
import dev.accelgen.pe.accel.model.SimClock;
import dev.accelgen.pe.accel.model.StartWires;

/**
 * The controller's cycle model (RTL: {@code ControllerRtl}). IDLE takes a start beat (r1..r7, r8..r15 = 0,
 * token counters 0, error flags cleared); HEADER reads the 128-byte program header from port 0; CHECK validates
 * it (magic, version, sizes, 1 <= N <= imemWords); FETCH reads the N instructions into IMEM; RUN executes one
 * instruction per cycle from the IMEM read of the previous cycle (control instructions here, queued ones
 * resolved and pushed, stalling while their queue is full); DRAIN waits for empty queues and idle engines and
 * then pulses {@code done}. An illegal instruction or any engine, buffer or fetch error stops issuing and
 * flushes the queues. See docs/isa.md, "Controller".
 */
public final class Controller implements Clocked {
    enum State { IDLE, HEADER, CHECK, FETCH, RUN, DRAIN }

    private final int depth;
    private final long base0;
    private final int progOffset;
    private final RuleCheck rules;
    private final StartWires io;
    private final FetchWires fetchOut;
    private final AxiPortWires port0;
    private final ControlWires ctl;
    private final EngineStatus ld;
    private final EngineStatus compute;
    private final EngineStatus st;
    private final BufferErrors buffers;
    private final SimClock clock;
    private final EventLog log;
    private final BurstIssuer fetchIssuer;
    private final ProgramFetch fetch;
    private final TokenCounters tokens = new TokenCounters();
    private final InstrQueue[] queues = new InstrQueue[3];
    private final int[] regs = new int[Registers.COUNT];
    private final int[] countNow = new int[3];

    private State state = State.IDLE;
    private int pc;
    private boolean irValid;
    private boolean illegal;
    private boolean fetchError;
    private boolean clearPulse;
    private boolean doneValid;
    private int doneStatus;
    private int startBeats;
    private String illegalReason;

    public Controller(HwConfig c, long base0, int progOffset, StartWires io, FetchWires fetchOut, AxiPortWires port0,
                      ControlWires ctl, EngineStatus ld, EngineStatus compute, EngineStatus st, BufferErrors buffers,
                      SimClock clock, EventLog log) {
        this.depth = c.queueDepth();
        this.base0 = base0;
        this.progOffset = progOffset;
        this.rules = new RuleCheck(c);
        this.io = io;
        this.fetchOut = fetchOut;
        this.port0 = port0;
        this.ctl = ctl;
        this.ld = ld;
        this.compute = compute;
        this.st = st;
        this.buffers = buffers;
        this.clock = clock;
        this.log = log;
        this.fetchIssuer = new BurstIssuer(c.portBytes(), c.maxBurst(), c.maxOutstanding());
        this.fetch = new ProgramFetch(c.portBytes(), c.imemWords(), rules);
        for (int q = 0; q < 3; q++) {
            queues[q] = new InstrQueue(depth);
        }
    }

    /** Why the last run stopped with an illegal instruction (null if it did not), for diagnostics. */
    public String illegalReason() {
        return illegalReason;
    }

    public boolean idle() {
        return state == State.IDLE;
    }

    private boolean fetching() {
        return state == State.HEADER || state == State.CHECK || state == State.FETCH;
    }

    @Override
    public void drive() {
        io.ready = state == State.IDLE;
        io.doneValid = doneValid;
        io.doneStatus = doneStatus;
        boolean f = fetching();
        fetchOut.arValid = f && fetchIssuer.valid();
        fetchOut.arAddr = fetchIssuer.addr();
        fetchOut.arLen = fetchIssuer.len();
        fetchOut.rReady = state == State.HEADER || state == State.FETCH && fetch.rReady();
        ctl.fetching = f;
        ctl.stopped = illegal || fetchError || tokens.overflow();
        ctl.clearErrors = clearPulse;
        for (int q = 0; q < 3; q++) {
            ctl.head[q] = queues[q].head();
            ctl.headPc[q] = queues[q].count() == 0 ? -1 : queues[q].headPc();
        }
        tokens.publish(ctl.tokens);
    }

    @Override
    public void tick() {
        long now = clock.now();
        boolean errorNow = illegal || fetchError || tokens.overflow() || ld.error || st.error || compute.error
                || buffers.any();
        for (int q = 0; q < 3; q++) {
            countNow[q] = queues[q].count();
        }
        boolean drained = queues[0].count() == 0 && queues[1].count() == 0 && queues[2].count() == 0 && !ld.busy
                && !compute.busy && !st.busy;
        int status = (fetchError || ld.error ? 1 : 0) | (st.error ? 2 : 0)
                | (illegal || tokens.overflow() || compute.error || buffers.any() ? 4 : 0);
        if (doneValid) {
            log.add(new CoreEvent.Done(now, doneStatus));
        }
        doneValid = false;
        clearPulse = false;
        for (int q = 0; q < 3; q++) {
            if (ctl.start[q]) {
                tokens.started(ctl.head[q]);
                queues[q].pop();
            }
        }
        tokens.completed(ld, compute, st);
        tokens.commit();
        if (tokens.overflow() && illegalReason == null) {
            illegalReason = "a dependency-token counter passed " + TokenCounters.MAX;
        }
        boolean portFire = port0.rFire();
        switch (state) {
            case IDLE -> {
                if (io.valid) {
                    begin(now);
                }
            }
            case HEADER -> {
                fetchIssuer.tick(port0.arFire(), portFire && port0.rLast);
                if (portFire) {
                    fetchError |= port0.rResp != 0;
                    if (fetch.headerBeat(port0.rData)) {
                        state = State.CHECK;
                    }
                }
            }
            case CHECK -> {
                int n = fetch.validCount();
                if (fetchError || n < 0) {
                    illegal |= n < 0;
                    illegalReason = n < 0 ? "malformed program header" : illegalReason;
                    state = State.DRAIN;
                } else {
                    fetch.startInstructions(n);
                    fetchIssuer.load(base0, progOffset + ProgramBinary.HEADER_BYTES, 0, fetch.instructionBeats(n), 1);
                    state = State.FETCH;
                }
            }
            case FETCH -> {
                fetchIssuer.tick(port0.arFire(), portFire && port0.rLast);
                if (portFire) {
                    fetchError |= port0.rResp != 0;
                }
                fetch.tick(portFire ? port0.rData : null);
                if (fetch.complete()) {
                    state = fetchError ? State.DRAIN : State.RUN;
                    pc = 0;
                    irValid = false;
                }
            }
            case RUN -> {
                if (errorNow) {
                    stop();
                } else if (!irValid) {
                    irValid = true;
                } else {
                    execute();
                }
            }
            case DRAIN -> {
                if (errorNow) {
                    flush();
                }
                if (drained) {
                    doneValid = true;
                    doneStatus = status;
                    state = State.IDLE;
                }
            }
        }
    }

    private void begin(long now) {
        log.add(new CoreEvent.Start(now, startBeats++));
        regs[0] = 0;
        for (int i = 1; i < Registers.COUNT; i++) {
            regs[i] = i <= Registers.RUN_PARAMS ? io.r[i - 1] : 0;
        }
        tokens.clear();
        illegal = false;
        fetchError = false;
        illegalReason = null;
        clearPulse = true;
        fetch.startHeader();
        fetchIssuer.load(base0, progOffset, 0, fetch.headerBeats(), 1);
        state = State.HEADER;
    }

    private void stop() {
        flush();
        state = State.DRAIN;
    }

    private void flush() {
        for (InstrQueue q : queues) {
            q.clear();
        }
    }

    private void refuse(String reason) {
        illegal = true;
        illegalReason = "instruction " + pc + ": " + reason;
        stop();
    }

    private void execute() {
        if (pc >= fetch.count) {
            refuse("execution ran past the program's end (no HALT)");
            return;
        }
        ImemSlot slot = fetch.imem[pc];
        if (slot.violation() != null) {
            refuse(slot.violation());
            return;
        }
        if (slot.instr() == null) {
            throw new IllegalStateException("instruction " + pc + " breaks a constraint the core does not check: "
                    + slot.decodeError());
        }
        Instr instr = slot.instr();
        if (instr instanceof QueuedInstr qi) {
            String bad = rules.operandViolation(slot.word(), regs);
            if (bad != null) {
                refuse(bad);
                return;
            }
            InstrQueue q = queues[qi.queue().ordinal()];
            if (countNow[qi.queue().ordinal()] < depth) {
                q.push(InstrResolver.resolve(qi, regs), pc);
                pc++;
            }
        } else if (instr instanceof ControlInstr.Li li) {
            write(li.rd(), (int) li.imm());
            pc++;
        } else if (instr instanceof ControlInstr.Alu a) {
            write(a.rd(), ControlAlu.alu(a.op(), regs[a.ra()], (int) InstrResolver.value(a.b(), regs, true)));
            pc++;
        } else if (instr instanceof ControlInstr.Branch b) {
            pc = ControlAlu.taken(b.cond(), regs[b.ra()], regs[b.rb()]) ? b.target() : pc + 1;
        } else if (instr instanceof ControlInstr.Halt) {
            state = State.DRAIN;
        } else {
            pc++;
        }
    }

    private void write(int rd, int value) {
        if (rd != 0) {
            regs[rd] = value;
        }
    }
}
