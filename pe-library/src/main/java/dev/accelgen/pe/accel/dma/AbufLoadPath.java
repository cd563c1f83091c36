package dev.accelgen.pe.accel.dma;

import dev.accelgen.pe.accel.model.DmaBufWires;
import java.util.Arrays;

/**
 * The R side of an ABUF load in the cycle model: port beats become ABUF words (row r's word w at
 * {@code dst + r * dstStride + w}; bytes past the row's {@code rowBytes} are 0) and wait in a two-entry FIFO for
 * a free cycle of the ABUF write port. A narrow port (portBytes <= ABUF word bytes) fills a word from
 * consecutive beats and pushes it with the word's last beat; a wide port queues whole beats (two entries) and
 * writes their words one per granted cycle. R ready is low while the FIFO is full.
 */
final class AbufLoadPath {
    private final int portLimbs;
    private final int wordLimbs;
    private final int wordBytes;
    private final boolean narrow;
    private final int ratio;

    private long beatsPerRow;
    private long wordsPerRow;
    private int tailBytes;
    private int rowDst;
    private int dstStride;
    long rowsLeft;
    private long beat;

    private final long[] asm;
    private final long[] view;
    private final int[] addr = new int[2];
    private final long[][] data;
    private final int[] words = new int[2];
    private final int[] lastBytes = new int[2];
    private int head;
    private int count;
    private int split;

    AbufLoadPath(int portBytes, int lanes) {
        this.portLimbs = portBytes / 8;
        this.wordBytes = lanes * 4;
        this.wordLimbs = wordBytes / 8;
        this.narrow = portBytes <= wordBytes;
        this.ratio = narrow ? wordBytes / portBytes : portBytes / wordBytes;
        this.asm = new long[wordLimbs];
        this.view = new long[wordLimbs];
        this.data = new long[2][narrow ? wordLimbs : portLimbs];
    }

    void start(long rows, int rowBytes, int dst, int dstStride, int portBytes) {
        this.beatsPerRow = (rowBytes + portBytes - 1L) / portBytes;
        this.wordsPerRow = (rowBytes + wordBytes - 1L) / wordBytes;
        this.tailBytes = (int) (rowBytes - (wordsPerRow - 1) * wordBytes);
        this.rowDst = dst;
        this.dstStride = dstStride;
        this.rowsLeft = rows;
        this.beat = 0;
    }

    boolean rReady() {
        return count < 2;
    }

    boolean empty() {
        return count == 0;
    }

    /** Publishes the ABUF write request (Moore). */
    void drive(DmaBufWires b) {
        b.ldWrReq = count > 0;
        if (count == 0) {
            return;
        }
        if (narrow) {
            b.ldWrAddr = addr[head];
            Limbs.toLanes(data[head], 0, b.ldWrData);
        } else {
            b.ldWrAddr = addr[head] + split;
            System.arraycopy(data[head], split * wordLimbs, view, 0, wordLimbs);
            if (split == words[head] - 1) {
                Limbs.keepLowBytes(view, lastBytes[head]);
            }
            Limbs.toLanes(view, 0, b.ldWrData);
        }
    }

    /**
     * The clock edge: {@code granted} the ABUF took the head word; {@code beatData} a data beat was accepted
     * (null if none). Returns true when the beat ended a row.
     */
    boolean tick(boolean granted, long[] beatData) {
        if (granted) {
            if (narrow || split == words[head] - 1) {
                head ^= 1;
                count--;
                split = 0;
            } else {
                split++;
            }
        }
        if (beatData == null) {
            return false;
        }
        boolean lastOfRow = beat == beatsPerRow - 1;
        if (narrow) {
            int pos = (int) (beat % ratio);
            System.arraycopy(beatData, 0, asm, pos * portLimbs, portLimbs);
            if (pos == ratio - 1 || lastOfRow) {
                long w = beat / ratio;
                int slot = (head + count) & 1;
                System.arraycopy(asm, 0, data[slot], 0, wordLimbs);
                if (w == wordsPerRow - 1) {
                    Limbs.keepLowBytes(data[slot], tailBytes);
                }
                addr[slot] = rowDst + (int) w;
                count++;
                Arrays.fill(asm, 0);
            }
        } else {
            long w0 = beat * ratio;
            int slot = (head + count) & 1;
            System.arraycopy(beatData, 0, data[slot], 0, portLimbs);
            addr[slot] = rowDst + (int) w0;
            words[slot] = (int) Math.min(ratio, wordsPerRow - w0);
            lastBytes[slot] = lastOfRow ? tailBytes : wordBytes;
            count++;
        }
        if (lastOfRow) {
            beat = 0;
            rowsLeft--;
            rowDst += dstStride;
        } else {
            beat++;
        }
        return lastOfRow;
    }
}
