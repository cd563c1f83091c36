package dev.accelgen.pe.accel.model;

/** The buffers' sticky out-of-range flags (Moore outputs), read by the controller. */
public final class BufferErrors {
    public boolean abuf;
    public boolean sbuf;
    public boolean wbuf;
    /** The first out-of-range access of the run, for diagnostics (null if none). */
    public String reason;

    public boolean any() {
        return abuf || sbuf || wbuf;
    }
}
