package dev.accelgen.compiler.backend.compile;

import dev.accelgen.compiler.backend.codegen.CodeGen;
import dev.accelgen.compiler.backend.layout.Content;
import dev.accelgen.compiler.backend.layout.Images;
import dev.accelgen.compiler.backend.layout.MemoryLayout;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.plan.TilePlan;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import java.util.List;
import java.util.Map;

/**
 * A model compiled for one accelerator configuration: the configuration, the program, where everything lives off
 * chip and what it initially holds, and the decisions behind them.
 *
 * @param front     the model, its plan and its LIR
 * @param target    the board memory it was planned for
 * @param hw        the configuration
 * @param planned   whether the configuration was planned for this model (false: given with --hw)
 * @param chunkRows rows of a run the program processes at a time
 * @param gen       the generated instructions and per-op decisions
 */
public record Compiled(Frontend front, MemoryTarget target, HwConfig hw, boolean planned, int chunkRows, TilePlan tiles,
                       MemoryLayout layout, Map<String, Content> contents, Program program, CodeGen.Generated gen) {
    public LirModel lir() {
        return front.lir();
    }

    /** Positions of the context the positional regions are sized for (r3 of every run). */
    public int context() {
        return front.lir().sequence().positions();
    }

    public byte[] programBytes() {
        return ProgramBinary.write(program);
    }

    /** Every port's initial memory image. */
    public List<byte[]> images() {
        return Images.build(layout, contents, context());
    }
}
