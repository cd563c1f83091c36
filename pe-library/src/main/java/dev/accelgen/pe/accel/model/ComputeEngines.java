package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.List;

/**
 * Creates the compute engines' cycle models of a configuration, in the order the dispatcher numbers them
 * ({@code core.EngineCatalog#models} gives pe-library's). Each comes with the address widths of its buffer
 * ports: the dispatcher passes its addresses to the buffers truncated to them, as the RTL's ports are.
 */
@FunctionalInterface
public interface ComputeEngines {
    /** One engine model and its ABUF, SBUF and WBUF address widths (WBUF 0 without a WBUF port). */
    record Bound(EngineModel engine, int abufAddrBits, int sbufAddrBits, int wbufAddrBits) {
    }

    List<Bound> create(HwConfig config);

    /** No compute engines (a configuration without matrix units and vector instructions). */
    static ComputeEngines none() {
        return config -> List.of();
    }
}
