package dev.accelgen.pe.accel.dma;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.model.AxiPortWires;
import dev.accelgen.pe.accel.model.Clocked;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.DmaBufWires;
import dev.accelgen.pe.accel.model.EngineStatus;

/**
 * The store engine's cycle model (RTL: {@code StoreEngineRtl}): one ST at a time from the store queue's head.
 * It reads the rows' ABUF words in order whenever the ABUF read port is free of compute, into a FIFO of
 * {@link StoreWords#depth} words; its W register takes the next beat when empty or accepted (a narrow port
 * sends one word as several beats, a wide port gathers several words into one beat; bytes past
 * {@code rowBytes} are not strobed); AW bursts follow the same row walk; {@code wlast} follows the same burst
 * split. Completes when every W beat was sent and every B response arrived; a non-OKAY B sets the sticky
 * write error. See docs/isa.md, "Load and store engines".
 */
public final class StoreEngine implements Clocked {
    private final int portBytes;
    private final int maxBurst;
    private final long[] bases;
    private final AxiPortWires[] ports;
    private final DmaBufWires buf;
    private final ControlWires ctl;
    private final EngineStatus status;
    private final BurstIssuer issuer;
    private final StoreWords words;

    private boolean busy;
    private boolean donePulse;
    private boolean pushPrev;
    private boolean donePush;
    private boolean writeError;
    private int port;
    private int tag;

    private long beatsPerRow;
    private int lastBeatBytes;
    private long rdRowsLeft;
    private long rdWordsPerRow;
    private long rdWord;
    private int rdRowAddr;
    private int srcStride;
    private boolean rdPending;

    private long wRowsLeft;
    private long wBeat;
    private long wRowBeatsLeft;
    private int wBurstLeft;
    private long wAddr;
    private int wRowOffset;
    private int dstStride;
    private boolean wValid;
    private final long[] wData;
    private long wStrb;
    private boolean wLast;

    public StoreEngine(HwConfig c, long[] bases, AxiPortWires[] ports, DmaBufWires buf, ControlWires ctl,
                       EngineStatus status) {
        this.portBytes = c.portBytes();
        this.maxBurst = c.maxBurst();
        this.bases = bases.clone();
        this.ports = ports;
        this.buf = buf;
        this.ctl = ctl;
        this.status = status;
        this.issuer = new BurstIssuer(portBytes, c.maxBurst(), c.maxOutstanding());
        this.words = new StoreWords(portBytes, c.lanes());
        this.wData = new long[portBytes / 8];
    }

    private boolean portsIdle;

    @Override
    public void drive() {
        status.busy = busy;
        status.done = donePulse;
        status.pushPrev = donePulse && donePush ? 1 : 0;
        status.pushNext = 0;
        status.error = writeError;
        buf.stRdReq = busy && rdRowsLeft > 0 && words.count() + (rdPending ? 1 : 0) < words.depth();
        buf.stRdAddr = rdRowAddr + (int) rdWord;
        buf.stRdTag = tag;
        if (!busy && portsIdle) {
            return;
        }
        portsIdle = !busy;
        for (int p = 0; p < ports.length; p++) {
            AxiPortWires w = ports[p];
            boolean mine = busy && p == port;
            w.awValid = mine && issuer.valid();
            w.awAddr = issuer.addr();
            w.awLen = issuer.len();
            w.awTag = tag;
            w.wValid = mine && wValid;
            if (w.wValid) {
                System.arraycopy(wData, 0, w.wData, 0, wData.length);
            }
            w.wStrb = wStrb;
            w.wLast = wLast;
            w.wTag = tag;
            w.bReady = true;
        }
    }

    @Override
    public void tick() {
        AxiPortWires w = ports[port];
        boolean finished = busy && wRowsLeft == 0 && !wValid && issuer.issued() && issuer.inFlight() == 0;
        if (ctl.clearErrors) {
            writeError = false;
        }
        donePulse = false;
        if (busy) {
            if (w.bFire()) {
                writeError |= w.bResp != 0;
            }
            issuer.tick(w.awFire(), w.bFire());
            boolean fire = w.wFire();
            boolean canLoad = !wValid || fire;
            int need = wRowsLeft > 0 ? words.wordsFor(wBeat, beatsPerRow) : 0;
            boolean load = canLoad && wRowsLeft > 0 && words.count() >= need;
            boolean granted = buf.stRdGrant;
            if (load) {
                loadBeat();
            } else if (fire) {
                wValid = false;
            }
            if (rdPending) {
                words.push(buf.stRdData);
            }
            rdPending = granted;
            if (granted) {
                if (rdWord == rdWordsPerRow - 1) {
                    rdWord = 0;
                    rdRowsLeft--;
                    rdRowAddr += srcStride;
                } else {
                    rdWord++;
                }
            }
            if (finished) {
                busy = false;
                donePulse = true;
                donePush = pushPrev;
            }
        }
        if (ctl.start[Queue.STORE.ordinal()] && ctl.head[Queue.STORE.ordinal()] instanceof St st) {
            start(st, ctl.headPc[Queue.STORE.ordinal()]);
        }
    }

    private void loadBeat() {
        boolean lastOfRow = wBeat == beatsPerRow - 1;
        words.beat(wBeat, beatsPerRow, wData);
        wStrb = strobes(lastOfRow ? lastBeatBytes : portBytes);
        if (wBurstLeft == 0) {
            wBurstLeft = Bursts.beats(wAddr, wRowBeatsLeft, portBytes, maxBurst);
        }
        wLast = wBurstLeft == 1;
        wBurstLeft--;
        wValid = true;
        if (lastOfRow) {
            wBeat = 0;
            wRowsLeft--;
            wRowOffset += dstStride;
            wAddr = bases[port] + (wRowOffset & 0xFFFF_FFFFL);
            wRowBeatsLeft = beatsPerRow;
        } else {
            wBeat++;
            wAddr += portBytes;
            wRowBeatsLeft--;
        }
    }

    private static long strobes(int bytes) {
        return bytes == 64 ? -1L : (1L << bytes) - 1;
    }

    private void start(St st, int pc) {
        busy = true;
        tag = pc;
        pushPrev = st.deps().pushPrev();
        port = st.port();
        long rows = st.rows().value();
        beatsPerRow = (st.rowBytes() + portBytes - 1L) / portBytes;
        lastBeatBytes = (int) (st.rowBytes() - (beatsPerRow - 1) * portBytes);
        int dst = (int) st.dst().value();
        dstStride = (int) st.dstStride();
        issuer.load(bases[port], dst, dstStride, beatsPerRow, rows);
        words.start(st.rowBytes());
        rdRowsLeft = rows;
        rdWordsPerRow = words.wordsPerRow();
        rdWord = 0;
        rdRowAddr = (int) st.src().value();
        srcStride = st.srcStride();
        rdPending = false;
        wRowsLeft = rows;
        wBeat = 0;
        wRowBeatsLeft = beatsPerRow;
        wBurstLeft = 0;
        wRowOffset = dst;
        wAddr = bases[port] + (dst & 0xFFFF_FFFFL);
        wValid = false;
    }
}
