package dev.accelgen.pe.vector;

import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;

/**
 * ABUF and SBUF contents for model-versus-arithmetic tests: built from a run's preloads, then either replayed
 * from an engine trace (every write event in order) or computed by {@link ArithReference}. Rows are addressed
 * as the engines address them: element i of a row at word {@code addr + i / V} (wrapping at the depth), lane
 * {@code i mod V}.
 */
final class BufferImage {
    final int lanes;
    final int[][] abuf;
    final int[] sbuf;

    BufferImage(EngineGeometry g, EngineRun run) {
        lanes = g.lanes();
        abuf = new int[1 << g.abufAddrBits()][lanes];
        sbuf = new int[1 << g.sbufAddrBits()];
        for (EngineRun.Load l : run.loads()) {
            if (l.buffer() == EngineRun.ABUF) {
                System.arraycopy(l.chunks(), 0, abuf[l.addr() & (abuf.length - 1)], 0, Math.min(lanes, l.chunks().length));
            } else if (l.buffer() == EngineRun.SBUF) {
                sbuf[l.addr() & (sbuf.length - 1)] = l.chunks()[0];
            }
        }
    }

    void replay(Trace t) {
        for (OutputEvent e : t.events()) {
            if (e.stream().equals("abw")) {
                int[] w = abuf[e.values().get("abw_addr").intValue()];
                for (int i = 0; i < lanes; i++) {
                    w[i] = e.values().get("abw_data_" + i).intValue();
                }
            } else if (e.stream().equals("sbw")) {
                sbuf[e.values().get("sbw_addr").intValue()] = e.values().get("sbw_data").intValue();
            }
        }
    }

    /** Elements [0, len) of the row at word {@code addr}. */
    int[] row(long addr, int len) {
        int[] x = new int[len];
        for (int i = 0; i < len; i++) {
            x[i] = abuf[(int) ((addr + i / lanes) & (abuf.length - 1))][i % lanes];
        }
        return x;
    }

    /** Writes a row of {@code x.length} elements at word {@code addr}: ceil(len / V) words, lanes past len 0. */
    void setRow(long addr, int[] x) {
        int words = (x.length + lanes - 1) / lanes;
        for (int w = 0; w < words; w++) {
            int[] word = abuf[(int) ((addr + w) & (abuf.length - 1))];
            for (int i = 0; i < lanes; i++) {
                int e = w * lanes + i;
                word[i] = e < x.length ? x[e] : 0;
            }
        }
    }

    int sb(long addr) {
        return sbuf[(int) (addr & (sbuf.length - 1))];
    }

    void setSb(long addr, int v) {
        sbuf[(int) (addr & (sbuf.length - 1))] = v;
    }
}
