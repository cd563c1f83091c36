package dev.accelgen.pe.moe;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Token batches for {@link MoeLayer}: per batch a random task id and 1..tokens tokens (all {@code tokens} when
 * {@code fullBatches}) with random router logits in -32..31 (ties happen) and INT8 activations; the last token
 * of a batch carries {@code tok_last}. With gaps, about one token in eight waits 1..3 idle cycles.
 */
public final class MoeLayerStimulus {
    private MoeLayerStimulus() {
    }

    public static Stimulus random(MoeConfig cfg, int batches, long seed) {
        Random pick = new Random(seed);
        return random(cfg, batches, seed, pick.nextBoolean(), pick.nextBoolean());
    }

    public static Stimulus random(MoeConfig cfg, int batches, long seed, boolean gaps, boolean fullBatches) {
        Random rng = new Random(seed * 31 + 7);
        List<Beat> beats = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int task = rng.nextInt(cfg.tasks());
            int n = fullBatches ? cfg.tokens() : 1 + rng.nextInt(cfg.tokens());
            for (int t = 0; t < n; t++) {
                Map<String, BigInteger> v = new LinkedHashMap<>();
                v.put("tok_task", BigInteger.valueOf(task));
                v.put("tok_last", t == n - 1 ? BigInteger.ONE : BigInteger.ZERO);
                for (int e = 0; e < cfg.experts(); e++) {
                    v.put("tok_logit_" + e, BigInteger.valueOf(rng.nextInt(64) - 32 & 0xFF));
                }
                for (int i = 0; i < cfg.dModel(); i++) {
                    v.put("tok_x_" + i, BigInteger.valueOf(rng.nextInt(256)));
                }
                int idle = gaps && rng.nextInt(8) == 0 ? 1 + rng.nextInt(3) : 0;
                beats.add(new Beat(idle, v));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("tok", beats)), seed, Map.of(),
                List.of(MoeStimulus.image(cfg, new Random(seed ^ 0x5DEECE66DL))));
    }
}
