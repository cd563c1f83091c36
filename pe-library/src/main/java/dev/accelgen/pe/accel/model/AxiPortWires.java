package dev.accelgen.pe.accel.model;

/**
 * The signals of one AXI4 master port between the core and its memory in the cycle model: the core-side
 * fields are set in the core blocks' drive phase (or by glue), the memory-side fields in the memory's drive
 * phase, both read in tick. Data words are {@code portBits / 64} little-endian limbs; {@code *Tag} names the
 * instruction that issued a request (its index in the program, or -1 for the program fetch) for diagnostics.
 */
public final class AxiPortWires {
    public boolean arValid;
    public long arAddr;
    public int arLen;
    public int arTag;
    public boolean arReady;

    public boolean rValid;
    public final long[] rData;
    public boolean rLast;
    public int rResp;
    public boolean rReady;

    public boolean awValid;
    public long awAddr;
    public int awLen;
    public int awTag;
    public boolean awReady;

    public boolean wValid;
    public final long[] wData;
    public long wStrb;
    public boolean wLast;
    public int wTag;
    public boolean wReady;

    public boolean bValid;
    public int bResp;
    public boolean bReady;

    public AxiPortWires(int portBits) {
        rData = new long[portBits / 64];
        wData = new long[portBits / 64];
    }

    public boolean arFire() {
        return arValid && arReady;
    }

    public boolean rFire() {
        return rValid && rReady;
    }

    public boolean awFire() {
        return awValid && awReady;
    }

    public boolean wFire() {
        return wValid && wReady;
    }

    public boolean bFire() {
        return bValid && bReady;
    }
}
