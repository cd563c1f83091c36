package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.IllegalInstructionException;
import dev.accelgen.pe.accel.isa.InstrCodec;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The controller's program fetch in the cycle model: the 128-byte header's beats, then the instruction words
 * (a port narrower than 32 bytes fills a word from consecutive beats; a 64-byte port writes its two words in
 * two cycles, R ready low in the second), each decoded into an {@link ImemSlot} as it is written.
 */
final class ProgramFetch {
    private final int portBytes;
    private final int imemWords;
    private final RuleCheck rules;
    private final byte[] header = new byte[ProgramBinary.HEADER_BYTES];
    private final byte[] word = new byte[InstrLayout.BYTES];
    final ImemSlot[] imem;
    private int headerBeats;
    private int beat;
    int written;
    int count;
    boolean pendingHalf;

    ProgramFetch(int portBytes, int imemWords, RuleCheck rules) {
        this.portBytes = portBytes;
        this.imemWords = imemWords;
        this.rules = rules;
        this.imem = new ImemSlot[imemWords];
    }

    int headerBeats() {
        return ProgramBinary.HEADER_BYTES / portBytes;
    }

    void startHeader() {
        headerBeats = 0;
    }

    /** A header beat arrived; true when it was the last. */
    boolean headerBeat(long[] data) {
        put(data, header, headerBeats * portBytes, portBytes);
        headerBeats++;
        return headerBeats == headerBeats();
    }

    /** The instruction count the header declares, or -1 when the header is malformed or the program too long. */
    int validCount() {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(ProgramBinary.COUNT_OFFSET);
        boolean ok = Arrays.equals(Arrays.copyOf(header, ProgramBinary.MAGIC.length), ProgramBinary.MAGIC)
                && b.getInt(8) == ProgramBinary.VERSION && b.getInt(16) == InstrLayout.BYTES
                && b.getInt(20) == ProgramBinary.HEADER_BYTES && n >= 1 && n <= imemWords;
        return ok ? n : -1;
    }

    /** Beats of the instruction section of an {@code n}-instruction program. */
    long instructionBeats(int n) {
        return ((long) n * InstrLayout.BYTES + portBytes - 1) / portBytes;
    }

    void startInstructions(int n) {
        count = n;
        written = 0;
        beat = 0;
        pendingHalf = false;
    }

    boolean rReady() {
        return !pendingHalf;
    }

    /** The clock edge of a FETCH cycle; {@code data} the beat accepted (null if none). */
    void tick(long[] data) {
        if (pendingHalf) {
            store();
            pendingHalf = false;
        }
        if (data == null) {
            return;
        }
        if (portBytes <= InstrLayout.BYTES) {
            int per = InstrLayout.BYTES / portBytes;
            put(data, word, beat * portBytes, portBytes);
            beat = (beat + 1) % per;
            if (beat == 0) {
                store();
            }
        } else {
            put(data, word, 0, InstrLayout.BYTES);
            store();
            if (written < count) {
                for (int i = 0; i < InstrLayout.BYTES; i++) {
                    word[i] = (byte) (data[(InstrLayout.BYTES + i) / 8] >>> (8 * (i % 8)));
                }
                pendingHalf = true;
            }
        }
    }

    private void store() {
        InstrWord w = InstrWord.of(word, 0);
        String violation = rules.rawViolation(w, count);
        if (violation != null) {
            imem[written] = new ImemSlot(w, violation, null, null);
        } else {
            try {
                imem[written] = new ImemSlot(w, null, InstrCodec.decode(word.clone()), null);
            } catch (IllegalInstructionException e) {
                imem[written] = new ImemSlot(w, null, null, e.getMessage());
            }
        }
        written++;
    }

    private static void put(long[] limbs, byte[] dst, int at, int bytes) {
        for (int i = 0; i < bytes && at + i < dst.length; i++) {
            dst[at + i] = (byte) (limbs[i / 8] >>> (8 * (i % 8)));
        }
    }

    boolean complete() {
        return written == count;
    }
}
