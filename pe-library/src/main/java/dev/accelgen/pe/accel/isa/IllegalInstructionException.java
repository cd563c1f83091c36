package dev.accelgen.pe.accel.isa;

/** A 256-bit word that is not a valid instruction (unknown opcode, field out of range, stray bits). */
public final class IllegalInstructionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IllegalInstructionException(String message) {
        super(message);
    }
}
