package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.isa.Listing;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.model.CoreRun;

/** One random program with its run (memory images, timing, start beats), reproducible from {@code seed}. */
public record FuzzCase(long seed, Program program, CoreRun run) {
    /** The program as a listing, for a failure report. */
    public String listing() {
        return Listing.write(program);
    }
}
