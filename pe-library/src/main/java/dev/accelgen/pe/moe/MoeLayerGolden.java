package dev.accelgen.pe.moe;

import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.ReadMemoryModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cycle-stepped specification of {@link MoeLayer}: router (top-k of the task's experts, ties to the lower id),
 * one queue write per cycle, dispatch scan, gather through queue and token buffer, drain, and the
 * {@link MoeEngine} rules (see {@link MoeGolden}) with the memory timing of {@link ReadMemoryModel} (AR stalls,
 * latency drawn per request). Also
 * reports the bubble cycles of every expert switch inside a batch (cycles between one job's last activation
 * beat and the next job's first); the gap between batches is routing time, not a switch.
 */
public final class MoeLayerGolden implements GoldenModel {
    private final MoeConfig cfg;
    private final List<Long> bubbles = new ArrayList<>();
    private final List<Long> outgoingCompute = new ArrayList<>();
    private long jobs;

    public MoeLayerGolden(MoeConfig cfg) {
        this.cfg = cfg;
    }

    public List<Long> bubbles() {
        return List.copyOf(bubbles);
    }

    /** For each switch in {@link #bubbles()}: activation beats (tiles x dModel) of the job switched away from. */
    public List<Long> outgoingCompute() {
        return List.copyOf(outgoingCompute);
    }

    /** Jobs (expert weight fetches) dispatched in the last run. */
    public long jobs() {
        return jobs;
    }

    /** Top-1 (exclude < 0) or top-2 expert of a token: largest logit among active experts, ties to the lower id. */
    int argmax(int[] logits, int task, int exclude) {
        int best = 0;
        int bestVal = 0;
        boolean found = false;
        for (int e = 0; e < cfg.experts(); e++) {
            boolean active = (cfg.tasks() == 1 || e % 2 == task) && e != exclude;
            if (active && (!found || logits[e] > bestVal)) {
                best = e;
                bestVal = logits[e];
            }
            found |= active;
        }
        return best;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        bubbles.clear();
        outgoingCompute.clear();
        jobs = 0;
        long lastJobBeats = 0;
        final int experts = cfg.experts();
        final int k = cfg.dModel();
        final int rows = cfg.rows();
        final int cols = cfg.cols();
        final int tokensMax = cfg.tokens();
        ReadMemoryModel mem = ReadMemoryModel.of(stimulus, "m", cols);
        StreamSource toks = new StreamSource("tok", stimulus.stream("tok").beats());
        // layer state
        int state = 0;
        boolean phase = false;
        int tokCount = 0;
        int[] counts = new int[experts];
        int[][] queue = new int[experts][tokensMax];
        int[][] tokbuf = new int[tokensMax][k];
        int scan = 0;
        int dispatchBank = 0;
        int gatherBank = 0;
        boolean[] gValid = new boolean[2];
        int[] gExpert = new int[2];
        int[] gCount = new int[2];
        int gTile = 0;
        int gStep = 0;
        // engine state
        boolean[] full = new boolean[2];
        int[] tilesOf = new int[2];
        long[][][] bank = new long[2][k][cols];
        int wb = 0;
        int cb = 0;
        int fstate = 0;
        long addr = 0;
        int fetchRow = 0;
        int step = 0;
        int tile = 0;
        long previousLast = Long.MIN_VALUE / 2;
        long lastFireOfJob = -1;
        boolean jobStartPending = false;
        long[][] acc = new long[rows][cols];
        List<OutputEvent> events = new ArrayList<>();
        for (long cycle = 0; !(toks.done() && state == 0); cycle++) {
            if (cycle > 50_000_000L) {
                throw new IllegalStateException("MoE layer did not finish within 50M cycles");
            }
            // ---- combinational view of this cycle
            boolean tokValid = toks.valid(cycle);
            int top1 = 0;
            int top2 = 0;
            int[] logits = new int[experts];
            if (tokValid) {
                Map<String, BigInteger> h = toks.head();
                int task = h.get("tok_task").intValueExact();
                for (int e = 0; e < experts; e++) {
                    logits[e] = (byte) h.get("tok_logit_" + e).intValueExact();
                }
                top1 = argmax(logits, task, -1);
                top2 = cfg.topK() == 2 ? argmax(logits, task, top1) : top1;
            }
            int chosen = cfg.topK() == 2 && phase ? top2 : top1;
            boolean routing = state == 0;
            boolean queueWrite = tokValid && routing;
            boolean tokFire = tokValid && (cfg.topK() == 2 ? routing && phase : routing);
            boolean dispatching = state == 1;
            final int scanNow = scan;
            int scanCount = counts[scan];
            boolean jobValid = dispatching && scanCount != 0;
            boolean jobFire = jobValid && fstate == 0 && !full[wb];
            boolean arFire = fstate == 1 && mem.arReady(cycle);
            ReadMemoryModel.RBeat beat = mem.beatAt(cycle);
            boolean rFire = fstate == 2 && beat != null;
            boolean engineLastStep = step == k - 1;
            boolean arrayReady = !engineLastStep || cycle >= previousLast + (2L * rows - 1);
            boolean gv = gValid[gatherBank];
            boolean actFire = gv && full[cb] && arrayReady;
            int ge = gExpert[gatherBank];
            int gc = gCount[gatherBank];
            long[] a = new long[rows];
            for (int r = 0; r < rows; r++) {
                int pos = gTile * rows + r;
                a[r] = pos < gc ? tokbuf[queue[ge][pos]][gStep] : 0;
            }
            if (rFire) {
                mem.acceptBeat(cycle);
            }
            if (arFire) {
                mem.request(cycle, addr, k - 1);
            }
            // ---- engine compute edge
            if (actFire && gStep == 0) {
                Map<String, BigInteger> tileEvent = new LinkedHashMap<>();
                tileEvent.put("tile_expert", BigInteger.valueOf(ge));
                long mask = 0;
                for (int r = 0; r < rows; r++) {
                    mask |= (gTile * rows + r < gc ? 1L : 0L) << r;
                }
                tileEvent.put("tile_mask", BigInteger.valueOf(mask));
                for (int r = 0; r < rows; r++) {
                    int pos = gTile * rows + r;
                    tileEvent.put("tile_token_" + r, BigInteger.valueOf(pos < gc ? queue[ge][pos] : 0));
                }
                events.add(new OutputEvent(cycle, "tile", tileEvent));
            }
            if (actFire) {
                if (jobStartPending) {
                    bubbles.add(cycle - lastFireOfJob - 1);
                    outgoingCompute.add(lastJobBeats);
                    jobStartPending = false;
                }
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        long base = step == 0 ? 0 : acc[r][c];
                        acc[r][c] = base + a[r] * bank[cb][step][c] & 0xFFFFFFFFL;
                    }
                }
                if (engineLastStep) {
                    previousLast = cycle;
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            events.add(new OutputEvent(cycle + 2L * r + c + 1, "out_" + c,
                                    Map.of("out_" + c, BigInteger.valueOf(acc[r][c]))));
                        }
                    }
                    step = 0;
                    if (tile == tilesOf[cb] - 1) {
                        lastJobBeats = (long) tilesOf[cb] * k;
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
            // ---- engine fetch edge
            if (jobFire) {
                tilesOf[wb] = cfg.tiles(scanCount);
                addr = scanNow * cfg.expertBytes() & 0xFFFFFFFFL;
                fstate = 1;
            } else if (arFire) {
                fstate = 2;
                fetchRow = 0;
            } else if (rFire) {
                for (int c = 0; c < cols; c++) {
                    bank[wb][fetchRow % k][c] = (byte) beat.data().shiftRight(8 * c).intValue();
                }
                fetchRow++;
                if (beat.last()) {
                    fstate = 0;
                    full[wb] = true;
                    wb ^= 1;
                }
            }
            // ---- layer edge
            boolean drainDone = state == 2 && !gValid[0] && !gValid[1];
            if (queueWrite) {
                queue[chosen][counts[chosen]] = tokCount;
                counts[chosen] = counts[chosen] + 1 & 0xFF;
                if (cfg.topK() == 2) {
                    phase = !phase;
                }
            }
            if (tokFire) {
                Map<String, BigInteger> h = toks.head();
                for (int i = 0; i < k; i++) {
                    tokbuf[tokCount][i] = (byte) h.get("tok_x_" + i).intValueExact();
                }
                Map<String, BigInteger> route = new LinkedHashMap<>();
                route.put("route_token", BigInteger.valueOf(tokCount));
                route.put("route_expert_0", BigInteger.valueOf(top1));
                route.put("route_logit_0", BigInteger.valueOf(logits[top1] & 0xFF));
                if (cfg.topK() == 2) {
                    route.put("route_expert_1", BigInteger.valueOf(top2));
                    route.put("route_logit_1", BigInteger.valueOf(logits[top2] & 0xFF));
                }
                events.add(new OutputEvent(cycle, "route", route));
                boolean last = h.get("tok_last").signum() != 0;
                toks.accept(cycle);
                tokCount = tokCount + 1 & 0xFF;
                if (last) {
                    state = 1;
                    scan = 0;
                }
            }
            if (dispatching && (scanCount == 0 || jobFire)) {
                if (scan == experts - 1) {
                    state = 2;
                } else {
                    scan++;
                }
            }
            if (jobFire) {
                jobs++;
                gValid[dispatchBank] = true;
                gExpert[dispatchBank] = scanNow;
                gCount[dispatchBank] = scanCount;
                dispatchBank ^= 1;
            }
            if (actFire) {
                boolean lastStep = gStep == k - 1;
                boolean lastTile = gTile == cfg.tiles(gc) - 1;
                gStep = lastStep ? 0 : gStep + 1;
                if (lastStep) {
                    gTile = lastTile ? 0 : gTile + 1;
                    if (lastTile) {
                        gValid[gatherBank] = false;
                        gatherBank ^= 1;
                    }
                }
            }
            if (drainDone) {
                jobStartPending = false; // the next batch's first job is not an expert switch: routing comes first
                state = 0;
                tokCount = 0;
                java.util.Arrays.fill(counts, 0);
            }
        }
        events.sort(Comparator.comparingLong(OutputEvent::cycle).thenComparingInt(MoeLayerGolden::streamOrder));
        return Trace.of(events, toks.acceptances());
    }

    /** Manifest order: route, tile, then out_0..out_{C-1}. */
    private static int streamOrder(OutputEvent e) {
        return switch (e.stream()) {
            case "route" -> -2;
            case "tile" -> -1;
            default -> Integer.parseInt(e.stream().substring("out_".length()));
        };
    }
}
