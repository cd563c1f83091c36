package dev.accelgen.pe.vector.engine;

import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.ComputeEngine;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.accel.model.WbufReadPort;

/**
 * A compute engine's Java model with its buffer ports exposed, so that a bench or the core model can connect
 * buffers to it. The engine writes the request fields of its ports only in {@link #drive}; the buffers write
 * the read data before {@link #tick}.
 */
public interface EngineModel extends ComputeEngine {
    AbufPort abuf();

    SbufPort sbuf();

    /** The WBUF read port of a matrix engine, null for vector engines. */
    default WbufReadPort wbuf() {
        return null;
    }
}
