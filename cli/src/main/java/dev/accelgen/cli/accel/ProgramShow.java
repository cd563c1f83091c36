package dev.accelgen.cli.accel;

import dev.accelgen.errors.ModelError;
import dev.accelgen.pe.accel.isa.Listing;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.sim.files.InputFile;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code accelgen program show FILE}: the listing of a program binary (what compile writes as program.lst). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the listing of a program.bin.")
public final class ProgramShow implements Runnable {
    /** The largest program: 65,536 instructions of 32 bytes and the header. */
    static final long MAX_BYTES = ProgramBinary.HEADER_BYTES + 32L * Program.MAX_INSTRUCTIONS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a program.bin")
    Path file;

    @Override
    public void run() {
        byte[] bytes = InputFile.read(file, MAX_BYTES, "", ModelError::new);
        Program p;
        try {
            p = ProgramBinary.read(bytes);
        } catch (IllegalArgumentException e) {
            throw new ModelError(file.toString(), e.getMessage());
        }
        spec.commandLine().getOut().print(Listing.write(p));
        spec.commandLine().getOut().flush();
    }
}
