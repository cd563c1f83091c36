package dev.accelgen.pe.accel.dma;

import java.util.Arrays;

/**
 * The store engine's word FIFO in the cycle model: ABUF words in row order, taken out as port beats. A narrow
 * port (portBytes <= word bytes) sends word w as beats w*k .. (the row's last word may need fewer), popping it
 * with its last beat; a wide port's beat b gathers words b*k .. b*k + k - 1 of the row (fewer at the row's end,
 * the rest of the beat 0) and pops them together. Depth: 3 words for a narrow port, 2k + 1 for a wide one, so
 * reads stream while beats wait for the W channel.
 */
final class StoreWords {
    private final int portLimbs;
    private final int wordLimbs;
    private final int wordBytes;
    private final boolean narrow;
    private final int ratio;
    private final int depth;
    private final long[][] ring;
    private int head;
    private int count;
    private long wordsPerRow;

    StoreWords(int portBytes, int lanes) {
        this.portLimbs = portBytes / 8;
        this.wordBytes = lanes * 4;
        this.wordLimbs = wordBytes / 8;
        this.narrow = portBytes <= wordBytes;
        this.ratio = narrow ? wordBytes / portBytes : portBytes / wordBytes;
        this.depth = depth(portBytes, lanes);
        this.ring = new long[depth][wordLimbs];
    }

    /** The FIFO depth for a port of {@code portBytes} and ABUF words of {@code lanes} lanes. */
    static int depth(int portBytes, int lanes) {
        int wordBytes = lanes * 4;
        return portBytes <= wordBytes ? 3 : 2 * (portBytes / wordBytes) + 1;
    }

    int depth() {
        return depth;
    }

    int count() {
        return count;
    }

    long wordsPerRow() {
        return wordsPerRow;
    }

    void start(int rowBytes) {
        wordsPerRow = (rowBytes + wordBytes - 1L) / wordBytes;
    }

    /** Words that must be in the FIFO to form beat {@code beat} of a row. */
    int wordsFor(long beat, long beatsPerRow) {
        return narrow ? 1 : (int) Math.min(ratio, wordsPerRow - beat * ratio);
    }

    /** Forms beat {@code beat} of the row into {@code out} and pops the words it finished. */
    void beat(long beat, long beatsPerRow, long[] out) {
        if (narrow) {
            int pos = (int) (beat % ratio);
            System.arraycopy(ring[head], pos * portLimbs, out, 0, portLimbs);
            if (pos == ratio - 1 || beat == beatsPerRow - 1) {
                pop(1);
            }
            return;
        }
        int n = wordsFor(beat, beatsPerRow);
        for (int j = 0; j < ratio; j++) {
            if (j < n) {
                System.arraycopy(ring[(head + j) % depth], 0, out, j * wordLimbs, wordLimbs);
            } else {
                Arrays.fill(out, j * wordLimbs, (j + 1) * wordLimbs, 0);
            }
        }
        pop(n);
    }

    private void pop(int n) {
        head = (head + n) % depth;
        count -= n;
    }

    void push(int[] lanes) {
        Limbs.fromLanes(lanes, ring[(head + count) % depth], 0);
        count++;
    }
}
