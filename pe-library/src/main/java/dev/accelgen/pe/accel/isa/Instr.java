package dev.accelgen.pe.accel.isa;

/**
 * One accelerator instruction (256 bits, see docs/isa.md). Control instructions execute in the controller;
 * queued instructions go to the load, compute or store queue. Every record's components, in declaration
 * order, are its encoded fields ({@link InstrCodec}); their names are the listing's field names.
 */
public sealed interface Instr permits ControlInstr, QueuedInstr {
    default Opcode opcode() {
        return Opcode.of(getClass());
    }
}
