package dev.accelgen.pe.accel.isa;

/** An instruction the controller resolves (register operands replaced by values) and queues. */
public sealed interface QueuedInstr extends Instr permits Sync, Ld, St, Mm, VecInstr {
    Deps deps();

    Queue queue();
}
