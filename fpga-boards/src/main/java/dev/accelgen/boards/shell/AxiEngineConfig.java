package dev.accelgen.boards.shell;

import dev.accelgen.errors.ConfigError;

/**
 * Parameters of the AXI4 master read and write engines (64-bit addresses).
 *
 * @param dataBits       data bus width, a power of two 32..512 (a "word" below is one bus beat)
 * @param maxBurst       beats per burst, a power of two 1..256 (bursts are also split at 4 KB boundaries)
 * @param maxOutstanding bursts in flight before the engine waits for responses, 1..16
 * @param countBits      width of the word counters: a command moves at most 2^countBits - 1 words, 1..24
 */
public record AxiEngineConfig(int dataBits, int maxBurst, int maxOutstanding, int countBits) {
    public AxiEngineConfig {
        if (dataBits < 32 || dataBits > 512 || Integer.bitCount(dataBits) != 1) {
            throw new ConfigError("", "data-bits = " + dataBits + " out of range, must be 32, 64, 128, 256 or 512");
        }
        if (maxBurst < 1 || maxBurst > 256 || Integer.bitCount(maxBurst) != 1) {
            throw new ConfigError("", "max-burst = " + maxBurst + " out of range, must be a power of two 1..256");
        }
        if (maxOutstanding < 1 || maxOutstanding > 16) {
            throw new ConfigError("", "max-outstanding = " + maxOutstanding + " out of range, must be 1..16");
        }
        if (countBits < 1 || countBits > 24) {
            throw new ConfigError("", "count-bits = " + countBits + " out of range, must be 1..24");
        }
    }

    /** Bits of the in-flight burst counter (holds 0..maxOutstanding). */
    int outstandingBits() {
        return 32 - Integer.numberOfLeadingZeros(maxOutstanding);
    }

    /** Bits of a burst length in beats (holds 1..maxBurst). */
    int burstBits() {
        return 32 - Integer.numberOfLeadingZeros(maxBurst);
    }

    /** log2 of the bytes per beat: AXI's AxSIZE and the shift from beats to bytes. */
    int sizeLog2() {
        return Integer.numberOfTrailingZeros(dataBits / 8);
    }

    String suffix() {
        return "d" + dataBits + "_b" + maxBurst + "_o" + maxOutstanding + "_w" + countBits;
    }
}
