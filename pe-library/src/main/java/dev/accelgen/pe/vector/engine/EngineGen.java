package dev.accelgen.pe.vector.engine;

import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.List;
import java.util.Set;

/**
 * The RTL generator of one compute engine (docs/accelerator.md, "Compute engine contract"). Its module has
 * exactly the ports {@link EngineIo#declare} creates for {@link #geometry} and {@link #fields}: a dispatcher
 * (the core's, or the standalone test top {@code EngineTop}) wires any engine from these three answers.
 * Implementations are records, so that equal configurations elaborate once and manifests stay deterministic.
 */
public interface EngineGen<C> extends ModuleGen<C> {
    /** The opcodes this engine executes. */
    Set<Opcode> opcodes(C config);

    /** Its {@code i_<field>} inputs, in port order. */
    List<EngineField> fields(C config);

    EngineGeometry geometry(C config);
}
