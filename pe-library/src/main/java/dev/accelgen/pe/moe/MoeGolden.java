package dev.accelgen.pe.moe;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.ReadMemoryModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Cycle-stepped specification of {@link MoeEngine}: the fetcher and compute rules of its documentation, the
 * systolic array's rules (a {@code last} beat needs 2*rows-1 cycles since the previous one; C[r][c] leaves
 * on out_c 2r+c+1 cycles after the last beat; sums wrap at 32 bits) and the memory timing of
 * {@link ReadMemoryModel} with the stimulus's AR stalls, latency range and bandwidth. Also reports, per expert switch, the
 * bubble cycles between one job's last activation beat and the next job's first.
 */
public final class MoeGolden implements GoldenModel {
    private final MoeConfig cfg;
    private final List<Long> bubbles = new ArrayList<>();

    public MoeGolden(MoeConfig cfg) {
        this.cfg = cfg;
    }

    /** Bubble cycles of each expert switch in the last {@link #run}. */
    public List<Long> bubbles() {
        return List.copyOf(bubbles);
    }

    @Override
    public Trace run(Stimulus stimulus) {
        bubbles.clear();
        int k = cfg.dModel();
        int rows = cfg.rows();
        int cols = cfg.cols();
        ReadMemoryModel mem = ReadMemoryModel.of(stimulus, "m", cols);
        StreamSource jobs = new StreamSource("job", stimulus.stream("job").beats());
        StreamSource acts = new StreamSource("act", stimulus.stream("act").beats());
        boolean[] full = new boolean[2];
        int[] tilesOf = new int[2];
        long[][][] bank = new long[2][k][cols];
        int wb = 0;
        int cb = 0;
        int state = 0;
        long addr = 0;
        int fetchRow = 0;
        int step = 0;
        int tile = 0;
        long previousLast = Long.MIN_VALUE / 2;
        long lastFireOfJob = -1;
        boolean jobStartPending = false;
        long[][] acc = new long[rows][cols];
        List<OutputEvent> events = new ArrayList<>();
        long limit = 10_000_000L;
        for (long cycle = 0; !acts.done() || !jobs.done(); cycle++) {
            if (cycle > limit) {
                throw new IllegalStateException("MoE schedule did not finish within " + limit + " cycles: the job tiles"
                        + " and the act beats disagree");
            }
            // fetcher, combinational view of this cycle
            boolean jobFire = state == 0 && !full[wb] && jobs.valid(cycle);
            boolean arFire = state == 1 && mem.arReady(cycle);
            ReadMemoryModel.RBeat beat = mem.beatAt(cycle);
            boolean rFire = state == 2 && beat != null;
            // compute
            boolean lastStep = step == k - 1;
            boolean arrayReady = !lastStep || cycle >= previousLast + (2L * rows - 1);
            boolean fire = full[cb] && acts.valid(cycle) && arrayReady;

            if (rFire) {
                mem.acceptBeat(cycle);
            }
            if (arFire) {
                mem.request(cycle, addr, k - 1);
            }
            // clock edge: compute first (it reads the bank as it is this cycle), then the fetcher
            if (fire) {
                if (jobStartPending) {
                    bubbles.add(cycle - lastFireOfJob - 1);
                    jobStartPending = false;
                }
                Map<String, BigInteger> a = acts.head();
                for (int r = 0; r < rows; r++) {
                    long x = (byte) a.get("act_a_" + r).intValueExact();
                    for (int c = 0; c < cols; c++) {
                        long base = step == 0 ? 0 : acc[r][c];
                        acc[r][c] = base + x * bank[cb][step][c] & 0xFFFFFFFFL;
                    }
                }
                acts.accept(cycle);
                if (lastStep) {
                    previousLast = cycle;
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            events.add(new OutputEvent(cycle + 2L * r + c + 1, "out_" + c,
                                    Map.of("out_" + c, BigInteger.valueOf(acc[r][c]))));
                        }
                    }
                    boolean lastTile = tile == tilesOf[cb] - 1;
                    step = 0;
                    if (lastTile) {
                        tile = 0;
                        full[cb] = false;
                        cb ^= 1;
                        lastFireOfJob = cycle;
                        jobStartPending = true;
                    } else {
                        tile++;
                    }
                } else {
                    step++;
                }
            }
            if (jobFire) {
                Map<String, BigInteger> j = jobs.head();
                int tiles = j.get("job_tiles").intValueExact();
                if (tiles < 1) {
                    throw new IllegalArgumentException("job_tiles must be >= 1 (got 0)");
                }
                tilesOf[wb] = tiles;
                addr = j.get("job_expert").longValueExact() * cfg.expertBytes() & 0xFFFFFFFFL;
                jobs.accept(cycle);
                state = 1;
            } else if (arFire) {
                state = 2;
                fetchRow = 0;
            } else if (rFire) {
                for (int c = 0; c < cols; c++) {
                    bank[wb][fetchRow % k][c] = (byte) beat.data().shiftRight(8 * c).intValue();
                }
                fetchRow++;
                if (beat.last()) {
                    state = 0;
                    full[wb] = true;
                    wb ^= 1;
                }
            }
        }
        events.sort(Comparator.comparingLong(OutputEvent::cycle)
                .thenComparingInt(e -> Integer.parseInt(e.stream().substring("out_".length()))));
        List<Acceptance> accepted = new ArrayList<>(jobs.acceptances());
        accepted.addAll(acts.acceptances());
        return Trace.of(events, accepted);
    }
}
