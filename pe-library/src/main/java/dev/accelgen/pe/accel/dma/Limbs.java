package dev.accelgen.pe.accel.dma;

/** Little-endian 64-bit limb helpers for the DMA data paths of the cycle model. */
final class Limbs {
    private Limbs() {
    }

    /** Clears every byte at or above {@code keepBytes} in {@code limbs}. */
    static void keepLowBytes(long[] limbs, int keepBytes) {
        for (int i = 0; i < limbs.length; i++) {
            int lo = i * 8;
            if (keepBytes <= lo) {
                limbs[i] = 0;
            } else if (keepBytes < lo + 8) {
                limbs[i] &= (1L << (8 * (keepBytes - lo))) - 1;
            }
        }
    }

    /** Lane {@code i} (32 bits) of a limb array, as a signed int. */
    static int lane(long[] limbs, int offset, int i) {
        return (int) (limbs[offset + i / 2] >>> (32 * (i % 2)));
    }

    /** Copies limbs as 32-bit lanes into {@code lanes}. */
    static void toLanes(long[] limbs, int offset, int[] lanes) {
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = lane(limbs, offset, i);
        }
    }

    /** Packs 32-bit lanes into limbs at {@code offset}. */
    static void fromLanes(int[] lanes, long[] limbs, int offset) {
        for (int i = 0; i < lanes.length; i += 2) {
            limbs[offset + i / 2] = lanes[i] & 0xFFFF_FFFFL | (long) lanes[i + 1] << 32;
        }
    }
}
