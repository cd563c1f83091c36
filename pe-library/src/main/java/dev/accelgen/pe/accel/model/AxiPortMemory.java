package dev.accelgen.pe.accel.model;

import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.stress.SplitMix64;
import dev.accelgen.sim.stress.StallSchedule;

/**
 * The memory behind one AXI4 port in the cycle model, with the Verilator harness's timing and random draws
 * (sim README, "Read memories" and "Write memories"; channel seeds of memory {@code m<port>}): AR and AW ready
 * follow their stall patterns; a read accepted in cycle a draws its latency, takes its words as they are then
 * (writes accepted in cycle a included) and its head beat is valid from max(a + lat, previous R acceptance +
 * D); W is ready in cycle c when a burst's AW was accepted before c, c >= previous W acceptance + D and the W
 * pattern is ready; a W beat writes its strobed bytes at once; a burst's B is valid from its last W beat's
 * cycle + a drawn latency; responses in order. D = ceil(portBytes / bytesPerCycle). Timing-only runs keep only
 * the program in the contents and store no writes. No allocation per cycle.
 */
public final class AxiPortMemory implements Clocked {
    private final int port;
    private final int limbs;
    private final int portBytes;
    private final PortTiming timing;
    private final long beatCycles;
    private final PortContents contents;
    private final boolean storeWrites;
    private final AxiPortWires w;
    private final SimClock clock;
    private final EventLog log;

    private long[] rEarliest = new long[64];
    private boolean[] rLast = new boolean[64];
    private long[] rData;
    private int rHead;
    private int rSize;
    private long lastR = Long.MIN_VALUE / 4;

    private final LongRing bursts = new LongRing(3);
    private final LongRing responses = new LongRing(1);
    private long lastW = Long.MIN_VALUE / 4;
    private final StallSchedule arReady;
    private final StallSchedule awReady;
    private final StallSchedule wStalls;
    private final SplitMix64 rLatency;
    private final SplitMix64 bLatency;

    public AxiPortMemory(int port, int portBits, PortTiming timing, PortContents contents, boolean storeWrites,
                         AxiPortWires wires, SimClock clock, EventLog log, ChannelSeeds seeds) {
        this.port = port;
        this.limbs = portBits / 64;
        this.portBytes = portBits / 8;
        this.timing = timing;
        this.beatCycles = timing.beatCycles(portBytes);
        this.contents = contents;
        this.storeWrites = storeWrites;
        this.w = wires;
        this.clock = clock;
        this.log = log;
        rData = new long[64 * limbs];
        String name = "m" + port;
        arReady = new StallSchedule(timing.addressStalls(), seeds.seed(name, ChannelSeeds.AR));
        awReady = new StallSchedule(timing.addressStalls(), seeds.seed(name, ChannelSeeds.AW));
        wStalls = new StallSchedule(timing.writeStalls(), seeds.seed(name, ChannelSeeds.W));
        rLatency = new SplitMix64(seeds.seed(name, ChannelSeeds.R_LATENCY));
        bLatency = new SplitMix64(seeds.seed(name, ChannelSeeds.B_LATENCY));
    }

    @Override
    public void drive() {
        long now = clock.now();
        w.arReady = arReady.ready(now);
        w.awReady = awReady.ready(now);
        w.rValid = rSize > 0 && now >= Math.max(rEarliest[rHead], lastR + beatCycles);
        if (w.rValid) {
            System.arraycopy(rData, rHead * limbs, w.rData, 0, limbs);
            w.rLast = rLast[rHead];
            w.rResp = timing.readResp();
        } else {
            w.rLast = false;
        }
        w.wReady = bursts.size() > 0 && bursts.get(0, 0) < now && now >= lastW + beatCycles && wStalls.ready(now);
        w.bValid = responses.size() > 0 && now >= responses.get(0, 0);
        w.bResp = w.bValid ? timing.writeResp() : 0;
    }

    @Override
    public void tick() {
        long now = clock.now();
        if (w.rFire()) {
            rHead = (rHead + 1) % rEarliest.length;
            rSize--;
            lastR = now;
        }
        if (w.wFire()) {
            acceptW(now);
        }
        if (w.awFire()) {
            bursts.add(now, Long.divideUnsigned(w.awAddr, portBytes), (long) w.awLen << 32);
            log.add(new CoreEvent.WriteRequest(now, port, w.awAddr, w.awLen, w.awTag));
        }
        if (w.arFire()) {
            acceptAr(now);
        }
        if (w.bFire()) {
            responses.remove();
            log.add(new CoreEvent.WriteResponse(now, port));
        }
    }

    private void acceptW(long now) {
        if (bursts.size() == 0) {
            throw new IllegalStateException("W beat without a burst on port " + port);
        }
        long first = bursts.get(0, 1);
        long lenDone = bursts.get(0, 2);
        int len = (int) (lenDone >>> 32);
        int done = (int) lenDone;
        if (w.wLast != (done == len)) {
            throw new IllegalStateException("W beat " + done + " of a " + (len + 1) + "-beat burst on port " + port
                    + " in cycle " + now + " has w_last " + w.wLast);
        }
        long word = first + done;
        if (storeWrites) {
            for (int i = 0; i < limbs; i++) {
                contents.write(word * limbs + i, w.wData[i], (int) (w.wStrb >>> (8 * i) & 0xFF));
            }
        }
        if (log.enabled()) {
            log.add(new CoreEvent.WriteBeat(now, port, word * portBytes, w.wData, w.wStrb, w.wTag));
        }
        lastW = now;
        if (done == len) {
            bursts.remove();
            responses.add(now + timing.latency().draw(bLatency), 0, 0);
        } else {
            bursts.set(0, 2, lenDone + 1);
        }
    }

    private void acceptAr(long now) {
        long first = Long.divideUnsigned(w.arAddr, portBytes);
        int beats = w.arLen + 1;
        long earliest = now + timing.latency().draw(rLatency);
        boolean copy = storeWrites || Long.compareUnsigned(first * portBytes, contents.size()) < 0;
        ensureCapacity(rSize + beats);
        for (int k = 0; k < beats; k++) {
            int slot = (rHead + rSize) % rEarliest.length;
            rEarliest[slot] = earliest;
            rLast[slot] = k == beats - 1;
            if (copy) {
                for (int i = 0; i < limbs; i++) {
                    rData[slot * limbs + i] = contents.word((first + k) * limbs + i);
                }
            }
            rSize++;
        }
        log.add(new CoreEvent.ReadRequest(now, port, w.arAddr, w.arLen, w.arTag));
    }

    private void ensureCapacity(int n) {
        if (n <= rEarliest.length) {
            return;
        }
        int cap = Math.max(n, rEarliest.length * 2);
        long[] e = new long[cap];
        boolean[] l = new boolean[cap];
        long[] d = new long[cap * limbs];
        for (int i = 0; i < rSize; i++) {
            int s = (rHead + i) % rEarliest.length;
            e[i] = rEarliest[s];
            l[i] = rLast[s];
            System.arraycopy(rData, s * limbs, d, i * limbs, limbs);
        }
        rEarliest = e;
        rLast = l;
        rData = d;
        rHead = 0;
    }

    public PortContents contents() {
        return contents;
    }
}
