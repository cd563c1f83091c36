package dev.accelgen.sim.regress;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Wall time of batches run on {@code workers} parallel workers the way a run starts them: largest first, each
 * on the first free worker (longest-processing-time list scheduling).
 */
public final class Schedule {
    private Schedule() {
    }

    public static double makespan(List<Batch> largestFirst, int workers) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int w = 0; w < workers; w++) {
            free.add(0.0);
        }
        double end = 0;
        for (Batch b : largestFirst) {
            double done = free.poll() + b.estimatedSeconds();
            end = Math.max(end, done);
            free.add(done);
        }
        return end;
    }
}
