package dev.accelgen.pe.moe;

import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MoE figures from a golden-model run of the layer on two full token batches (fixed seed, no idle cycles):
 * bubble cycles per expert switch inside a batch, off-chip weight bytes per token against a dense FFN with the
 * same parameters (all E experts' weights fetched per batch), and cycles per token (routing, dispatch, compute
 * and drain).
 */
public final class MoeFigures {
    /** The seed of the reference batch, so figures are reproducible. */
    public static final long SEED = 1;

    private MoeFigures() {
    }

    public static Map<String, Object> of(MoeConfig c) {
        int batches = 2;
        Stimulus s = MoeLayerStimulus.random(c, batches, SEED, false, true);
        MoeLayerGolden golden = new MoeLayerGolden(c);
        Trace t = golden.run(s);
        List<Long> bubbles = golden.bubbles();
        long fetched = golden.jobs() * c.expertBytes();
        long tokens = (long) batches * c.tokens();
        long dense = (long) batches * c.experts() * c.expertBytes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experts_used_per_batch", round((double) golden.jobs() / batches));
        m.put("expert_switches", bubbles.size());
        m.put("bubble_cycles_total", bubbles.stream().mapToLong(Long::longValue).sum());
        m.put("bubble_cycles_per_switch", round(bubbles.stream().mapToLong(Long::longValue).average().orElse(0)));
        m.put("bubble_cycles_max", bubbles.stream().mapToLong(Long::longValue).max().orElse(0));
        m.put("offchip_bytes_per_token", round((double) fetched / tokens));
        m.put("dense_ffn_bytes_per_token", round((double) dense / tokens));
        m.put("cycles_per_token", round((double) t.totalCycles() / tokens));
        m.put("run_cycles", t.totalCycles());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
