package dev.accelgen.compiler.backend.plan;

import dev.accelgen.pe.accel.isa.Opcode;
import java.util.Set;

/**
 * What a generated program uses of a configuration: buffer words (the highest address + 1), instructions, and the
 * vector instructions it contains.
 */
public record ProgramNeeds(int abufWords, int sbufWords, int wbufWords, int instructions, Set<Opcode> vectorOps) {
    public ProgramNeeds {
        vectorOps = Set.copyOf(vectorOps);
    }
}
