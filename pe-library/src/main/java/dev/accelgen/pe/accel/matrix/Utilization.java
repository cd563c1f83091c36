package dev.accelgen.pe.accel.matrix;

import java.util.List;

/**
 * How full a matrix engine kept its unit: useful MACs ({@code rows * n * k} per instruction) over MAC lanes
 * times the busy cycles (from an instruction's first beat to its last write; overlapping instructions count
 * each cycle once).
 */
public record Utilization(long usefulMacs, long macLanes, long busyCycles) {
    /** One instruction's run: its first beat and last write cycles, and its useful MACs. */
    public record Run(long firstBeat, long lastWrite, long macs) {
    }

    public double fraction() {
        return busyCycles == 0 ? 0 : (double) usefulMacs / ((double) macLanes * busyCycles);
    }

    /** Over a set of runs of one engine, given in start order. */
    public static Utilization of(List<Run> runs, long macLanes) {
        long macs = 0;
        long busy = 0;
        long coveredTo = Long.MIN_VALUE;
        for (Run r : runs) {
            macs += r.macs();
            long from = Math.max(r.firstBeat(), coveredTo);
            if (r.lastWrite() + 1 > from) {
                busy += r.lastWrite() + 1 - from;
                coveredTo = r.lastWrite() + 1;
            }
        }
        return new Utilization(macs, macLanes, busy);
    }

    @Override
    public String toString() {
        return String.format("%.1f%% (%d MACs / %d lanes x %d cycles)", 100 * fraction(), usefulMacs, macLanes, busyCycles);
    }
}
