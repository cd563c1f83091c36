package dev.accelgen.pe.accel.dma;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.model.AxiPortWires;
import dev.accelgen.pe.accel.model.Clocked;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.DmaBufWires;
import dev.accelgen.pe.accel.model.EngineStatus;

/**
 * The load engine's cycle model (RTL: {@code LoadEngineRtl}): executes one LD at a time from the load queue's
 * head. ABUF loads read from one port ({@link AbufLoadPath}, {@link IndirectWalk}); WBUF loads stripe each word
 * over every port, each port reading its own beats into a two-entry FIFO, and write a word when every port has
 * one. Busy from the cycle after the start until the completion pulse; a non-OKAY R beat sets the sticky read
 * error. See docs/isa.md, "Load and store engines".
 */
public final class LoadEngine implements Clocked {
    private enum Mode { LINEAR, INDIRECT, WBUF }

    private final int portBytes;
    private final long[] bases;
    private final AxiPortWires[] ports;
    private final DmaBufWires buf;
    private final ControlWires queues;
    private final EngineStatus status;
    private final boolean timing;
    private final BurstIssuer[] issuers;
    private final boolean[] issuedNow;
    private final AbufLoadPath abuf;
    private final IndirectWalk walk;
    private final long[][][] wf;
    private final int[] wfHead;
    private final int[] wfCount;

    private boolean busy;
    private boolean donePulse;
    private boolean pushNext;
    private boolean donePush;
    private boolean readError;
    private Mode mode = Mode.LINEAR;
    private int port;
    private int bank;
    private int tag;
    private long rows;
    private long beatsPerRow;
    private long wordsLeft;
    private int wAddr;
    private boolean portsIdle;
    

    public LoadEngine(HwConfig c, long[] bases, AxiPortWires[] ports, DmaBufWires buf, ControlWires queues,
                      EngineStatus status, boolean timing) {
        this.portBytes = c.portBytes();
        this.bases = bases.clone();
        this.ports = ports;
        this.buf = buf;
        this.queues = queues;
        this.status = status;
        this.timing = timing;
        this.issuers = new BurstIssuer[c.ports()];
        this.issuedNow = new boolean[c.ports()];
        for (int p = 0; p < c.ports(); p++) {
            issuers[p] = new BurstIssuer(portBytes, c.maxBurst(), c.maxOutstanding());
        }
        this.abuf = new AbufLoadPath(portBytes, c.lanes());
        this.walk = new IndirectWalk(portBytes);
        this.wf = new long[c.ports()][2][portBytes / 8];
        this.wfHead = new int[c.ports()];
        this.wfCount = new int[c.ports()];
    }

    private boolean wbufWrite() {
        if (mode != Mode.WBUF || !busy) {
            return false;
        }
        for (int n : wfCount) {
            if (n == 0) {
                return false;
            }
        }
        return true;
    }

    private boolean rReady(int p) {
        if (!busy) {
            return false;
        }
        if (mode == Mode.WBUF) {
            return wfCount[p] < 2;
        }
        return p == port && (mode == Mode.INDIRECT && walk.expectsIndex(abuf.rowsLeft) || abuf.rReady());
    }

    @Override
    public void drive() {
        status.busy = busy;
        status.done = donePulse;
        status.pushPrev = 0;
        status.pushNext = donePulse && donePush ? 1 : 0;
        status.error = readError;
        if (!busy && portsIdle) {
            buf.ldWrReq = false;
            buf.wbWrEn = false;
            return;
        }
        // port 0 carries the fetch while the controller fetches (FetchMux): drive it again once that ends
        portsIdle = !busy && !queues.fetching;
        for (int p = 0; p < ports.length; p++) {
            AxiPortWires w = ports[p];
            w.arValid = busy && issuers[p].valid();
            w.arAddr = issuers[p].addr();
            w.arLen = issuers[p].len();
            w.arTag = tag;
            w.rReady = rReady(p);
        }
        if (busy && mode != Mode.WBUF) {
            abuf.drive(buf);
        } else {
            buf.ldWrReq = false;
        }
        buf.ldWrTag = tag;
        buf.wbWrEn = wbufWrite();
        if (buf.wbWrEn) {
            buf.wbWrBank = bank;
            buf.wbWrAddr = wAddr;
            buf.wbWrTag = tag;
            int limbs = portBytes / 8;
            for (int p = 0; p < ports.length; p++) {
                System.arraycopy(wf[p][wfHead[p]], 0, buf.wbWrData, p * limbs, limbs);
            }
        }
    }

    @Override
    public void tick() {
        boolean finished = busy && (mode == Mode.WBUF ? wordsLeft == 0 : abuf.rowsLeft == 0 && abuf.empty());
        boolean wbWrite = wbufWrite();
        boolean idxValidNow = walk.idxValid;
        for (int p = 0; p < issuers.length; p++) {
            issuedNow[p] = issuers[p].issued();
        }
        if (queues.clearErrors) {
            readError = false;
        }
        donePulse = false;
        if (busy) {
            receive(wbWrite);
            for (int p = 0; p < issuers.length; p++) {
                AxiPortWires w = ports[p];
                issuers[p].tick(w.arFire(), w.rFire() && w.rLast);
            }
            if (mode == Mode.INDIRECT) {
                walk.tick(issuers[port], bases[port], beatsPerRow, idxValidNow, issuedNow[port], timing);
            }
            if (finished) {
                busy = false;
                donePulse = true;
                donePush = pushNext;
            }
        }
        if (queues.start[Queue.LOAD.ordinal()] && queues.head[Queue.LOAD.ordinal()] instanceof Ld ld) {
            start(ld, queues.headPc[Queue.LOAD.ordinal()]);
        }
    }

    private void receive(boolean wbWrite) {
        if (mode == Mode.WBUF) {
            for (int p = 0; p < ports.length; p++) {
                if (wbWrite) {
                    wfHead[p] ^= 1;
                    wfCount[p]--;
                }
                AxiPortWires w = ports[p];
                if (w.rFire()) {
                    readError |= w.rResp != 0;
                    System.arraycopy(w.rData, 0, wf[p][(wfHead[p] + wfCount[p]) & 1], 0, w.rData.length);
                    wfCount[p]++;
                }
            }
            if (wbWrite) {
                wAddr++;
                wordsLeft--;
            }
            return;
        }
        AxiPortWires w = ports[port];
        long[] beat = null;
        if (w.rFire()) {
            readError |= w.rResp != 0;
            if (mode == Mode.INDIRECT && walk.expectsIndex(abuf.rowsLeft)) {
                walk.indexBeat(w.rData, rows - abuf.rowsLeft, abuf.rowsLeft);
            } else {
                beat = w.rData;
            }
        }
        if (abuf.tick(buf.ldWrGrant, beat) && mode == Mode.INDIRECT) {
            walk.rowReceived();
        }
    }

    private void start(Ld ld, int pc) {
        busy = true;
        tag = pc;
        pushNext = ld.deps().pushNext();
        port = ld.port();
        rows = ld.rows().value();
        int src = (int) ld.src().value();
        int dst = (int) ld.dst().value();
        if (ld.target() == Ld.LdTarget.ABUF) {
            mode = ld.mode() == Ld.LdMode.LINEAR ? Mode.LINEAR : Mode.INDIRECT;
            beatsPerRow = (ld.rowBytes() + portBytes - 1L) / portBytes;
            abuf.start(rows, ld.rowBytes(), dst, ld.dstStride(), portBytes);
            if (mode == Mode.LINEAR) {
                issuers[port].load(bases[port], src, (int) ld.srcStride(), beatsPerRow, rows);
            } else {
                walk.start(rows, src, (int) ld.srcStride(), (int) ld.index().value());
            }
        } else {
            mode = Mode.WBUF;
            bank = ld.target() == Ld.LdTarget.WBUF0 ? 0 : 1;
            wordsLeft = rows;
            wAddr = dst;
            for (int p = 0; p < issuers.length; p++) {
                issuers[p].load(bases[p], src, 0, rows, rows > 0 ? 1 : 0);
            }
        }
    }
}
