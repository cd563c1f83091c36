package dev.accelgen.pe.accel.model;

/** The controller's program-fetch requests on port 0's read channel (Moore outputs), before the fetch multiplexer. */
public final class FetchWires {
    public boolean arValid;
    public long arAddr;
    public int arLen;
    public boolean rReady;
}
