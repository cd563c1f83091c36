package dev.accelgen.pe.moe;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.MemoryImage;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Batches of routed tokens: per batch a random task id, random router logits and activations for every
 * token, top-k routing with {@link MoeRouter}, then the reordered schedule: one job per expert with tokens
 * (ascending expert id), its tokens in tiles of {@code rows} (missing rows padded with zeros), dModel act
 * beats per tile. The memory image holds random INT8 weights for every expert.
 */
public final class MoeStimulus {
    private MoeStimulus() {
    }

    /** The schedule of one batch: expert ids with their token lists. */
    public record Batch(int task, List<MoeRouter.Route> routes, List<List<Integer>> queues, int[][] activations) { }

    public static Batch batch(MoeConfig cfg, Random rng) {
        int task = rng.nextInt(cfg.tasks());
        List<MoeRouter.Route> routes = new ArrayList<>();
        int[][] act = new int[cfg.tokens()][cfg.dModel()];
        for (int t = 0; t < cfg.tokens(); t++) {
            int[] logits = new int[cfg.experts()];
            for (int e = 0; e < logits.length; e++) {
                logits[e] = rng.nextInt(64) - 32;
            }
            routes.add(MoeRouter.route(logits, cfg.topK(), task, cfg.tasks()));
            for (int i = 0; i < cfg.dModel(); i++) {
                act[t][i] = rng.nextInt(256) - 128;
            }
        }
        return new Batch(task, routes, MoeRouter.group(routes, cfg.experts()), act);
    }

    /** {@code batches} routed batches; the seed also decides whether beats get idle gaps. */
    public static Stimulus random(MoeConfig cfg, int batches, long seed) {
        return random(cfg, batches, seed, new Random(seed).nextBoolean());
    }

    public static Stimulus random(MoeConfig cfg, int batches, long seed, boolean gaps) {
        Random rng = new Random(seed);
        rng.nextBoolean();
        List<Beat> jobs = new ArrayList<>();
        List<Beat> acts = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            schedule(cfg, batch(cfg, rng), jobs, acts, gaps ? rng : null);
        }
        return new Stimulus(List.of(new StreamStimulus("job", jobs), new StreamStimulus("act", acts)), seed, Map.of(),
                List.of(image(cfg, new Random(seed ^ 0x5DEECE66DL))));
    }

    /** Appends a batch's jobs and act beats; with {@code gaps} non-null some beats wait 1..3 idle cycles. */
    public static void schedule(MoeConfig cfg, Batch b, List<Beat> jobs, List<Beat> acts, Random gaps) {
        for (int e = 0; e < cfg.experts(); e++) {
            List<Integer> q = b.queues().get(e);
            if (q.isEmpty()) {
                continue;
            }
            int tiles = (q.size() + cfg.rows() - 1) / cfg.rows();
            Map<String, BigInteger> job = new LinkedHashMap<>();
            job.put("job_expert", BigInteger.valueOf(e));
            job.put("job_tiles", BigInteger.valueOf(tiles));
            jobs.add(new Beat(idle(gaps), job));
            for (int t = 0; t < tiles; t++) {
                for (int i = 0; i < cfg.dModel(); i++) {
                    Map<String, BigInteger> a = new LinkedHashMap<>();
                    for (int r = 0; r < cfg.rows(); r++) {
                        int token = t * cfg.rows() + r;
                        int v = token < q.size() ? b.activations()[q.get(token)][i] : 0;
                        a.put("act_a_" + r, BigInteger.valueOf(v & 0xFF));
                    }
                    acts.add(new Beat(idle(gaps), a));
                }
            }
        }
    }

    private static int idle(Random gaps) {
        return gaps != null && gaps.nextInt(8) == 0 ? 1 + gaps.nextInt(3) : 0;
    }

    /** Random INT8 weights for every expert: word e*dModel + k holds row k of expert e, byte c = column c. */
    public static MemoryImage image(MoeConfig cfg, Random rng) {
        List<BigInteger> words = new ArrayList<>();
        for (int w = 0; w < cfg.experts() * cfg.dModel(); w++) {
            byte[] bytes = new byte[cfg.cols()];
            rng.nextBytes(bytes);
            BigInteger word = BigInteger.ZERO;
            for (int c = 0; c < cfg.cols(); c++) {
                word = word.or(BigInteger.valueOf(bytes[c] & 0xFF).shiftLeft(8 * c));
            }
            words.add(word);
        }
        return new MemoryImage("m", cfg.memLatency(), cfg.memBytesPerCycle(), words);
    }
}
