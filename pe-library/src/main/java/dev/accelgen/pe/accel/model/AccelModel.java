package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.buf.AbufModel;
import dev.accelgen.pe.accel.buf.SbufModel;
import dev.accelgen.pe.accel.buf.WbufModel;
import dev.accelgen.pe.accel.ctrl.Controller;
import dev.accelgen.pe.accel.ctrl.Dispatcher;
import dev.accelgen.pe.accel.ctrl.FetchMux;
import dev.accelgen.pe.accel.ctrl.IssueGlue;
import dev.accelgen.pe.accel.dma.LoadEngine;
import dev.accelgen.pe.accel.dma.StoreEngine;
import dev.accelgen.sim.stress.ChannelSeeds;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole accelerator's cycle model: the controller, load and store engines, compute dispatcher with the
 * configuration's compute engines, buffers and one memory per port, stepped as {@link Clocked} blocks and
 * {@link Glue} in the order the RTL implies. Data mode moves and computes every bit and records the golden
 * events; timing-only mode moves no data (memories hold only what the program fetch reads, buffers nothing,
 * indirect loads take idx[r] = r) and gives the same cycle count whenever the data-dependent control agrees.
 * No allocation per cycle.
 */
public final class AccelModel {
    /** Data (bit-exact, golden events) or timing only (cycles). */
    public enum Mode { DATA, TIMING }

    private final HwConfig config;
    private final Mode mode;
    private final ComputeEngines engines;
    private RunActivity activity;

    public AccelModel(HwConfig config, Mode mode, ComputeEngines engines) {
        this.config = config;
        this.mode = mode;
        this.engines = engines;
    }

    public ModelResult run(CoreRun run) {
        if (run.images().size() != config.ports()) {
            throw new IllegalArgumentException("the configuration has " + config.ports() + " ports, the run gives "
                    + run.images().size() + " images");
        }
        Composition c = new Composition(run);
        ModelResult r = c.run();
        activity = new RunActivity(r.totalCycles(), c.computeBusy, c.loadBusy, c.storeBusy, c.readBeats, c.writeBeats, c.issued,
                config.portBits() / 8);
        return r;
    }

    /** What the last {@link #run} kept busy (its counts stop at its last {@code done}). */
    public RunActivity activity() {
        if (activity == null) {
            throw new IllegalStateException("no run yet");
        }
        return activity;
    }

    /** The blocks of one run, wired. */
    private final class Composition {
        private final CoreRun run;
        private final SimClock clock = new SimClock();
        private final EventLog log = new EventLog(mode == Mode.DATA);
        private final StartWires io = new StartWires();
        private final ControlWires ctl = new ControlWires();
        private final Controller controller;
        private final List<AxiPortMemory> memories = new ArrayList<>();
        private final BufferErrors bufErrors = new BufferErrors();
        private final Clocked[] blocks;
        private final Glue[] glue;
        private final AxiPortWires[] portWires;
        private final EngineStatus[] queueStatus;
        long computeBusy;
        long loadBusy;
        long storeBusy;
        long readBeats;
        long writeBeats;
        long issued;

        Composition(CoreRun run) {
            this.run = run;
            boolean data = mode == Mode.DATA;
            int ports = config.ports();
            long[] bases = new long[ports];
            AxiPortWires[] wires = new AxiPortWires[ports];
            ChannelSeeds seeds = ChannelSeeds.of(run.seed());
            List<Clocked> b = new ArrayList<>();
            for (int p = 0; p < ports; p++) {
                wires[p] = new AxiPortWires(config.portBits());
                byte[] image = data || p == 0 ? run.images().get(p) : new byte[0];
                if (!data && p == 0) {
                    image = programOnly(image, run.progOffset());
                }
                AxiPortMemory m = new AxiPortMemory(p, config.portBits(), run.timing().get(p), new PortContents(image),
                        data, wires[p], clock, log, seeds);
                memories.add(m);
                b.add(m);
            }
            DmaBufWires dma = new DmaBufWires(config.lanes(), config.wbufWordBits());
            ComputeBufWires compute = new ComputeBufWires(config.lanes(), config.wbufWordBits());
            EngineStatus ldStatus = new EngineStatus();
            EngineStatus cStatus = new EngineStatus();
            EngineStatus stStatus = new EngineStatus();
            FetchWires fetch = new FetchWires();
            List<ComputeEngines.Bound> bound = engines.create(config);
            bound.forEach(e -> b.add(e.engine()));
            Dispatcher dispatcher = new Dispatcher(bound, ctl, cStatus, compute);
            b.add(dispatcher);
            LoadEngine load = new LoadEngine(config, bases, wires, dma, ctl, ldStatus, !data);
            StoreEngine store = new StoreEngine(config, bases, wires, dma, ctl, stStatus);
            AbufModel abuf = new AbufModel(config.lanes(), config.abufWords(), data, compute, dma, ctl, clock, log, bufErrors);
            b.add(load);
            b.add(store);
            b.add(abuf);
            b.add(new SbufModel(config.sbufWords(), data, compute, ctl, clock, log, bufErrors));
            b.add(new WbufModel(config.wbufWords(), config.wbufWordBits(), data, compute, dma, ctl, clock, log, bufErrors));
            controller = new Controller(config, bases[0], run.progOffset(), io, fetch, wires[0], ctl, ldStatus, cStatus,
                    stStatus, bufErrors, clock, log);
            b.add(controller);
            blocks = b.toArray(new Clocked[0]);
            portWires = wires;
            queueStatus = new EngineStatus[] {cStatus, ldStatus, stStatus};
            glue = new Glue[] {new FetchMux(ctl, fetch, wires[0]), new IssueGlue(ctl, ldStatus, cStatus, stStatus,
                    bufErrors, dispatcher), dispatcher, abuf};
        }

        /** Busy engines and beats of this cycle (after settle, before the edge). */
        private void count() {
            computeBusy += queueStatus[0].busy ? 1 : 0;
            loadBusy += queueStatus[1].busy ? 1 : 0;
            storeBusy += queueStatus[2].busy ? 1 : 0;
            for (boolean s : ctl.start) {
                issued += s ? 1 : 0;
            }
            for (AxiPortWires w : portWires) {
                readBeats += w.rFire() ? 1 : 0;
                writeBeats += w.wFire() ? 1 : 0;
            }
        }

        ModelResult run() {
            List<StartBeat> starts = run.starts();
            int next = 0;
            long presentAt = starts.get(0).idleBefore();
            System.arraycopy(starts.get(0).regs(), 0, io.r, 0, io.r.length);
            List<Integer> statuses = new ArrayList<>();
            long lastDone = -1;
            boolean timedOut = false;
            while (true) {
                long now = clock.now();
                if (now >= run.maxCycles()) {
                    timedOut = true;
                    break;
                }
                io.valid = next < starts.size() && now >= presentAt;
                for (Clocked c : blocks) {
                    c.drive();
                }
                for (Glue g : glue) {
                    g.settle();
                }
                boolean accepted = io.valid && io.ready;
                if (io.doneValid) {
                    statuses.add(io.doneStatus);
                    lastDone = now;
                }
                count();
                for (Clocked c : blocks) {
                    c.tick();
                }
                clock.advance();
                if (accepted) {
                    next++;
                    presentAt = next < starts.size() ? now + 1 + starts.get(next).idleBefore() : Long.MAX_VALUE;
                    if (next < starts.size()) {
                        System.arraycopy(starts.get(next).regs(), 0, io.r, 0, io.r.length);
                    }
                }
                if (next == starts.size() && controller.idle() && statuses.size() == starts.size()) {
                    break;
                }
            }
            List<PortContents> mem = new ArrayList<>();
            memories.forEach(m -> mem.add(m.contents()));
            String reason = controller.illegalReason() != null ? controller.illegalReason() : bufErrors.reason;
            return new ModelResult(log.events(), statuses, lastDone + 1, mem, reason, timedOut);
        }
    }

    /** The program's bytes of {@code image} (header and instructions) at the same offset, nothing else. */
    private static byte[] programOnly(byte[] image, int offset) {
        if (image.length < offset + 16) {
            return image.clone();
        }
        int n = (image[offset + 12] & 0xFF) | (image[offset + 13] & 0xFF) << 8 | (image[offset + 14] & 0xFF) << 16
                | (image[offset + 15] & 0xFF) << 24;
        long end = Math.min(image.length, offset + 128L + 32L * Math.max(0, n));
        byte[] out = new byte[(int) end];
        System.arraycopy(image, offset, out, offset, (int) end - offset);
        return out;
    }
}
