package dev.accelgen.pe.vector.harness;

import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.accel.model.WbufReadPort;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link EngineTop} in Java: the engine's model with Java buffers and the same minimal dispatcher, stepped
 * per cycle as the RTL is (drive, handshakes, tick; reads read-first with one cycle of latency). Its trace is
 * the golden trace of the RTL top for the same {@link EngineRun}.
 */
public final class EngineBench implements GoldenModel {
    private static final long MAX_CYCLES = 50_000_000L;

    private final EngineGeometry g;
    private final Supplier<EngineModel> factory;
    private final EngineRun run;

    public EngineBench(EngineGeometry g, Supplier<EngineModel> factory, EngineRun run) {
        this.g = g;
        this.factory = factory;
        this.run = run;
    }

    @Override
    public Trace run(Stimulus ignored) {
        EngineModel e = factory.get();
        int lanes = g.lanes();
        int[][] abuf = new int[1 << g.abufAddrBits()][lanes];
        int[] sbuf = new int[1 << g.sbufAddrBits()];
        int limbs = (g.wbufWordBits() + 63) / 64;
        long[][] wbuf = g.hasWbuf() ? new long[2 << g.wbufAddrBits()][limbs] : null;
        int[] abRead = new int[lanes];
        int sbRead = 0;
        long[] wbRead = new long[limbs];
        AbufPort ab = e.abuf();
        SbufPort sb = e.sbuf();
        WbufReadPort wb = e.wbuf();

        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        boolean goQ = false;
        boolean pending = false;
        int count = 0;
        EngineRun.Issue issued = null;
        int li = 0;
        int ii = 0;
        long loadFrom = 0;
        long instrFrom = run.issues().isEmpty() ? 0 : run.issues().get(0).idleBefore();
        for (long c = 0; ; c++) {
            if (c > MAX_CYCLES) {
                throw new IllegalStateException("engine bench did not finish within " + MAX_CYCLES + " cycles");
            }
            e.go(goQ, goQ ? issued.instr() : null);
            System.arraycopy(abRead, 0, ab.rdData, 0, lanes);
            sb.rdData = sbRead;
            if (wb != null) {
                System.arraycopy(wbRead, 0, wb.rdData, 0, limbs);
            }
            e.drive();
            boolean busy = e.busy();
            if (li == run.loads().size() && ii == run.issues().size() && !goQ && !pending && !busy && !ab.wrEn
                    && !sb.wrEn) {
                break;
            }
            boolean loadValid = li < run.loads().size() && c >= loadFrom;
            boolean loadFire = loadValid && !goQ && !pending && !busy;
            boolean instrValid = ii < run.issues().size() && c >= instrFrom;
            boolean instrFire = instrValid && e.ready() && !goQ && !loadValid;
            boolean done = pending && !busy;
            if (ab.wrEn) {
                Map<String, BigInteger> v = new LinkedHashMap<>();
                v.put("abw_addr", BigInteger.valueOf(ab.wrAddr));
                for (int i = 0; i < lanes; i++) {
                    v.put("abw_data_" + i, BigInteger.valueOf(ab.wrData[i]));
                }
                events.add(new OutputEvent(c, "abw", v));
            }
            if (sb.wrEn) {
                events.add(new OutputEvent(c, "sbw", Map.of("sbw_addr", BigInteger.valueOf(sb.wrAddr),
                        "sbw_data", BigInteger.valueOf(sb.wrData))));
            }
            if (done) {
                events.add(new OutputEvent(c, "done", Map.of("done_count", BigInteger.valueOf(count & 0xFFFF))));
            }

            e.tick();
            if (ab.rdEn) {
                System.arraycopy(abuf[ab.rdAddr], 0, abRead, 0, lanes);
            }
            if (sb.rdEn) {
                sbRead = sbuf[sb.rdAddr];
            }
            if (wb != null && wb.rdEn) {
                System.arraycopy(wbuf[(wb.rdBank << g.wbufAddrBits()) | wb.rdAddr], 0, wbRead, 0, limbs);
            }
            EngineRun.Load load = loadFire ? run.loads().get(li) : null;
            if (ab.wrEn) {
                System.arraycopy(ab.wrData, 0, abuf[ab.wrAddr], 0, lanes);
            } else if (load != null && load.buffer() == EngineRun.ABUF) {
                int[] w = abuf[load.addr() & (abuf.length - 1)];
                for (int i = 0; i < lanes; i++) {
                    w[i] = i < load.chunks().length ? load.chunks()[i] : 0;
                }
            }
            if (sb.wrEn) {
                sbuf[sb.wrAddr] = sb.wrData;
            } else if (load != null && load.buffer() == EngineRun.SBUF) {
                sbuf[load.addr() & (sbuf.length - 1)] = load.chunks().length > 0 ? load.chunks()[0] : 0;
            }
            if (load != null && load.buffer() >= EngineRun.WBUF0 && wbuf != null) {
                long[] w = wbuf[((load.buffer() - EngineRun.WBUF0) << g.wbufAddrBits())
                        | (load.addr() & ((1 << g.wbufAddrBits()) - 1))];
                Arrays.fill(w, 0);
                for (int k = 0; k < load.chunks().length && k < 2 * limbs; k++) {
                    w[k / 2] |= (load.chunks()[k] & 0xFFFFFFFFL) << (32 * (k % 2));
                }
            }
            if (goQ) {
                pending = true;
            } else if (done) {
                pending = false;
            }
            goQ = instrFire;
            if (instrFire) {
                accepted.add(new Acceptance(c, "instr", ii));
                issued = run.issues().get(ii);
                count++;
                ii++;
                instrFrom = ii < run.issues().size() ? c + 1 + run.issues().get(ii).idleBefore() : 0;
            }
            if (loadFire) {
                accepted.add(new Acceptance(c, "load", li));
                li++;
                loadFrom = c + 1;
            }
        }
        return Trace.of(events, accepted);
    }
}
