package dev.accelgen.pe.accel.model;

/**
 * The DMA side of the buffers in the cycle model: the load engine's ABUF write request and WBUF write, the
 * store engine's ABUF read request (Moore outputs set in the engines' drive), the arbiter's grants (glue) and
 * the ABUF read data the store engine receives one cycle after a granted read.
 */
public final class DmaBufWires {
    public boolean ldWrReq;
    public int ldWrAddr;
    public final int[] ldWrData;
    public int ldWrTag;
    public boolean ldWrGrant;

    public boolean wbWrEn;
    public int wbWrBank;
    public int wbWrAddr;
    public final long[] wbWrData;
    public int wbWrTag;

    public boolean stRdReq;
    public int stRdAddr;
    public int stRdTag;
    public boolean stRdGrant;
    public final int[] stRdData;

    public DmaBufWires(int lanes, int wbufWordBits) {
        ldWrData = new int[lanes];
        stRdData = new int[lanes];
        wbWrData = new long[wbufWordBits / 64];
    }
}
