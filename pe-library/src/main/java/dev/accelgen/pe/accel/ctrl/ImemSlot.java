package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.Instr;

/**
 * One instruction-memory word as the cycle model keeps it, decoded once when fetched: the raw word, why the
 * controller will reject it (null when legal on its raw bits), and the decoded instruction (null when illegal).
 * {@code decodeError} names a record constraint the hardware does not check (the run cannot be modelled).
 */
record ImemSlot(InstrWord word, String violation, Instr instr, String decodeError) {
}
