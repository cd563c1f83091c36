package dev.accelgen.pe.accel.model;

/**
 * The compute side of the buffers after the dispatcher's multiplexer (glue): the active engine's ABUF, SBUF
 * and WBUF ports, and the program index of the instruction it executes ({@code tag}, for diagnostics).
 */
public final class ComputeBufWires {
    public final AbufPort abuf;
    public final SbufPort sbuf = new SbufPort();
    public final WbufReadPort wbuf;
    public int tag = -1;

    public ComputeBufWires(int lanes, int wbufWordBits) {
        abuf = new AbufPort(lanes);
        wbuf = new WbufReadPort(wbufWordBits);
    }
}
