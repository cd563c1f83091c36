package dev.accelgen.pe.moe;

import java.util.ArrayList;
import java.util.List;

/**
 * Gating and computation reordering (M3ViT): a task id selects the active expert subset (task t of
 * {@code tasks} owns experts e with e mod tasks == t), each token goes to its top-k active experts by router
 * logit (ties to the lower expert id) with softmax gate weights, and tokens are grouped per expert so every
 * expert's weights are fetched once per batch.
 */
public final class MoeRouter {
    private MoeRouter() {
    }

    /** One routing decision: expert ids in decreasing logit order and their gate weights (sum 1). */
    public record Route(int[] experts, double[] gates) { }

    public static boolean active(int expert, int task, int tasks) {
        return expert % tasks == task;
    }

    public static Route route(int[] logits, int topK, int task, int tasks) {
        int[] chosen = new int[topK];
        java.util.Arrays.fill(chosen, -1);
        for (int slot = 0; slot < topK; slot++) {
            for (int e = 0; e < logits.length; e++) {
                if (!active(e, task, tasks) || contains(chosen, e)) {
                    continue;
                }
                if (chosen[slot] < 0 || logits[e] > logits[chosen[slot]]) {
                    chosen[slot] = e;
                }
            }
            if (chosen[slot] < 0) {
                throw new IllegalArgumentException("task " + task + " has fewer than " + topK + " active experts");
            }
        }
        double max = logits[chosen[0]];
        double[] g = new double[topK];
        double sum = 0;
        for (int i = 0; i < topK; i++) {
            g[i] = Math.exp(logits[chosen[i]] - max);
            sum += g[i];
        }
        for (int i = 0; i < topK; i++) {
            g[i] /= sum;
        }
        return new Route(chosen, g);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Token indices per expert (ascending token order), experts 0..E-1. */
    public static List<List<Integer>> group(List<Route> routes, int experts) {
        List<List<Integer>> queues = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            queues.add(new ArrayList<>());
        }
        for (int t = 0; t < routes.size(); t++) {
            for (int e : routes.get(t).experts()) {
                queues.get(e).add(t);
            }
        }
        return queues;
    }
}
