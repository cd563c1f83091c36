package dev.accelgen.pe.accel.model;

/**
 * What a run kept busy, counted by {@link AccelModel} cycle by cycle in either mode: the cycles in which the compute
 * unit had an instruction in progress (the rest are its stall cycles: waiting for loads, tokens or the queue), the
 * load and store engines' busy cycles, and the R and W beats every port moved.
 *
 * @param cycles        cycles stepped (the run's total)
 * @param computeBusy   cycles with a compute instruction in progress
 * @param loadBusy      cycles with a load in progress
 * @param storeBusy     cycles with a store in progress
 * @param readBeats     R beats accepted, summed over ports
 * @param writeBeats    W beats accepted, summed over ports
 * @param issued        data instructions (loads, compute, stores) issued: the run's instruction stream without its
 *                      control instructions, as long as the same work written out without loops
 * @param portBytes     bytes of one beat
 */
public record RunActivity(long cycles, long computeBusy, long loadBusy, long storeBusy, long readBeats, long writeBeats,
                          long issued, int portBytes) {
    /** Off-chip bytes moved (read and written). */
    public long bytes() {
        return (readBeats + writeBeats) * portBytes;
    }

    /** Cycles the compute unit waited. */
    public long computeStall() {
        return cycles - computeBusy;
    }

    /** This run's counts less an earlier (shorter) run's: the share of the work {@code this} adds. */
    public RunActivity minus(RunActivity o) {
        return new RunActivity(cycles - o.cycles, computeBusy - o.computeBusy, loadBusy - o.loadBusy, storeBusy - o.storeBusy,
                readBeats - o.readBeats, writeBeats - o.writeBeats,
                issued - o.issued, portBytes);
    }

    /** {@code this} scaled by {@code k} (k identical repetitions). */
    public RunActivity times(long k) {
        return new RunActivity(cycles * k, computeBusy * k, loadBusy * k, storeBusy * k, readBeats * k, writeBeats * k, issued * k,
                portBytes);
    }

    public RunActivity plus(RunActivity o) {
        return new RunActivity(cycles + o.cycles, computeBusy + o.computeBusy, loadBusy + o.loadBusy, storeBusy + o.storeBusy,
                readBeats + o.readBeats, writeBeats + o.writeBeats,
                issued + o.issued, portBytes);
    }
}
