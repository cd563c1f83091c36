package dev.accelgen.sim;

import java.math.BigInteger;

/**
 * A handshake on a write memory, recorded by the harnesses and predicted by golden models (a write
 * beat is an output of the unit: address, data, strobe and cycle are all compared).
 */
public sealed interface WriteEvent {
    long cycle();

    String memory();

    /** "aw", "w" or "b": the channel, as the trace files name it. */
    String channel();

    /** Order of the channels within one cycle and memory: AW, W, B. */
    int channelOrder();

    /** The compared fields, bit patterns masked to the memory's port widths, e.g. {@code addr=0x40 len=3}. */
    String fields(int dataBytes);

    /** The same handshake on memory {@code name} (a bundle renames its units' memories). */
    WriteEvent onMemory(String name);

    /** AW accepted: a burst of {@code len + 1} beats from byte address {@code address}. */
    record Address(long cycle, String memory, long address, int len) implements WriteEvent {
        @Override
        public String channel() {
            return "aw";
        }

        @Override
        public int channelOrder() {
            return 0;
        }

        @Override
        public String fields(int dataBytes) {
            return "addr=0x" + Long.toHexString(address) + " len=" + len;
        }

        @Override
        public WriteEvent onMemory(String name) {
            return new Address(cycle, name, address, len);
        }
    }

    /**
     * W beat accepted: {@code data} for the word at byte address {@code address} (= word index times
     * data_bytes), byte lane i written where bit i of {@code strobe} is set.
     */
    record Data(long cycle, String memory, long address, BigInteger data, BigInteger strobe) implements WriteEvent {
        @Override
        public String channel() {
            return "w";
        }

        @Override
        public int channelOrder() {
            return 1;
        }

        @Override
        public String fields(int dataBytes) {
            return "addr=0x" + Long.toHexString(address) + " data=0x" + mask(data, 8 * dataBytes).toString(16)
                    + " strb=0x" + mask(strobe, dataBytes).toString(16);
        }

        @Override
        public WriteEvent onMemory(String name) {
            return new Data(cycle, name, address, data, strobe);
        }

        private static BigInteger mask(BigInteger v, int bits) {
            return v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        }
    }

    /** B response accepted (b_valid && b_ready). */
    record Response(long cycle, String memory) implements WriteEvent {
        @Override
        public String channel() {
            return "b";
        }

        @Override
        public int channelOrder() {
            return 2;
        }

        @Override
        public String fields(int dataBytes) {
            return "response";
        }

        @Override
        public WriteEvent onMemory(String name) {
            return new Response(cycle, name);
        }
    }
}
