package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.isa.Mm;

/**
 * One MM instruction as a matrix engine holds it in a slot: the resolved operands (32-bit values), the row count
 * (the low 16 bits of {@code rows}, or of the SBUF count with {@code gather}, filled in when it is read; in
 * timing-only runs {@code rows} stands for the count) and the
 * effective {@code sparse} flag (only a sparse-capable DSP chain has a sparse mode).
 */
record MmContext(int rows, int k, int n, int act, int actStride, int out, int outStride, int cparam, long q, int qShift,
                 int dShift, int sbuf, boolean bias, boolean accumulate, boolean rowScale, boolean gather, boolean overlap,
                 boolean sparse, int wbank, int wAddr) {
    static MmContext of(Mm m, boolean sparseCapable, boolean timingOnly) {
        return new MmContext(m.gather() && !timingOnly ? 0 : (int) (m.rows().value() & 0xFFFF), m.k(), m.n(), (int) m.act().value(),
                m.actStride(), (int) m.out().value(), m.outStride(), (int) m.cparam().value(), m.q(), m.qShift(),
                m.dShift(), (int) m.sbuf().value(), m.bias(), m.accumulate(), m.rowScale(), m.gather(), m.overlap(),
                m.sparse() && sparseCapable, m.wbank(), m.wAddr());
    }

    MmContext withRows(int r) {
        return new MmContext(r, k, n, act, actStride, out, outStride, cparam, q, qShift, dShift, sbuf, bias, accumulate,
                rowScale, gather, overlap, sparse, wbank, wAddr);
    }

    /** ABUF words of a row of n outputs (and of the M and bias rows). */
    int outWords(int lanes) {
        return (n + lanes - 1) / lanes;
    }

    /** ABUF words of an activation row of k elements. */
    int actWords(int lanes) {
        return (k + lanes - 1) / lanes;
    }
}
