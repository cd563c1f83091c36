package dev.accelgen.pe.accel.model;

/**
 * What a queue's engine side (the load engine, the compute dispatcher, the store engine) tells the controller,
 * all Moore outputs: busy (an instruction of its queue is in progress), a one-cycle completion pulse with the
 * tokens it pushes (counts: overlapping MMs complete together), and its sticky error flag.
 */
public final class EngineStatus {
    public boolean busy;
    public boolean done;
    public int pushPrev;
    public int pushNext;
    public boolean error;
}
