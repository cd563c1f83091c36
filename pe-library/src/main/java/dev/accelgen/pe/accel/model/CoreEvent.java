package dev.accelgen.pe.accel.model;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the golden trace of a core run holds, each event with the cycle it happened in and, where one
 * instruction caused it, that instruction's index in the program ({@code instr}, -1 for the program fetch).
 */
public sealed interface CoreEvent {
    long cycle();

    /** Start beat {@code beat} accepted. */
    record Start(long cycle, int beat) implements CoreEvent {
    }

    /** A {@code done} event. */
    record Done(long cycle, int status) implements CoreEvent {
    }

    /** AR request accepted on port {@code port}. */
    record ReadRequest(long cycle, int port, long addr, int len, int instr) implements CoreEvent {
    }

    /** AW request accepted on port {@code port}. */
    record WriteRequest(long cycle, int port, long addr, int len, int instr) implements CoreEvent {
    }

    /** W beat accepted: the word's byte address, data limbs and byte strobes. */
    record WriteBeat(long cycle, int port, long addr, long[] data, long strobe, int instr) implements CoreEvent {
        public WriteBeat {
            data = data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WriteBeat w && cycle == w.cycle && port == w.port && addr == w.addr
                    && Arrays.equals(data, w.data) && strobe == w.strobe;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cycle * 31 + addr) ^ Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "W beat addr=0x" + Long.toHexString(addr) + " data=0x" + hex(data) + " strobe=0x" + Long.toHexString(strobe);
        }
    }

    /** B response taken. */
    record WriteResponse(long cycle, int port) implements CoreEvent {
    }

    /** A word written into an on-chip buffer (verification builds observe these). */
    record BufferWrite(long cycle, Buffer buffer, int addr, long[] data, int instr) implements CoreEvent {
        public BufferWrite {
            data = data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BufferWrite w && cycle == w.cycle && buffer == w.buffer && addr == w.addr
                    && Arrays.equals(data, w.data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cycle * 31 + addr) ^ Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return buffer.label() + " word " + addr + " data=0x" + hex(data);
        }
    }

    /** The on-chip buffers; WBUF banks separately. */
    enum Buffer {
        ABUF("ABUF"), SBUF("SBUF"), WBUF0("WBUF bank 0"), WBUF1("WBUF bank 1");

        private final String label;

        Buffer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Limbs as one hex number, most significant first. */
    static String hex(long[] limbs) {
        StringBuilder b = new StringBuilder();
        for (int i = limbs.length - 1; i >= 0; i--) {
            b.append(HexFormat.of().toHexDigits(limbs[i]));
        }
        return b.toString();
    }
}
