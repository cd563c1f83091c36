package dev.accelgen.compiler.backend.codegen;

/**
 * What one instruction reads or writes, for hazard tracking: an ABUF word range, a WBUF bank's word range, or a
 * whole off-chip region (off-chip addresses depend on run registers, so regions are tracked whole).
 *
 * @param space  ABUF, WBUF0, WBUF1, or MEM
 * @param region the off-chip region's name (MEM only)
 * @param lo     first word (on chip)
 * @param hi     one past the last word (on chip)
 */
record Access(Space space, String region, long lo, long hi, boolean write) {
    enum Space { ABUF, WBUF0, WBUF1, MEM }

    static Access abuf(long lo, long words, boolean write) {
        return new Access(Space.ABUF, "", lo, lo + words, write);
    }

    static Access wbuf(int bank, long lo, long words) {
        return new Access(bank == 0 ? Space.WBUF0 : Space.WBUF1, "", lo, lo + words, true);
    }

    static Access wbufRead(int bank, long lo, long words) {
        return new Access(bank == 0 ? Space.WBUF0 : Space.WBUF1, "", lo, lo + words, false);
    }

    static Access mem(String region, boolean write) {
        return new Access(Space.MEM, region, 0, 1, write);
    }

    /** Whether this and {@code o} touch the same place and at least one writes it. */
    boolean conflicts(Access o) {
        if (!write && !o.write || space != o.space) {
            return false;
        }
        if (space == Space.MEM) {
            return region.equals(o.region);
        }
        return lo < o.hi && o.lo < hi;
    }
}
