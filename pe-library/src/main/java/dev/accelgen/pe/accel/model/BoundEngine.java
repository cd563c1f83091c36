package dev.accelgen.pe.accel.model;

/**
 * A compute engine's cycle model with its buffer ports (the ports it drives and whose read data it takes),
 * as the dispatcher wires it. {@code wbuf} is null for an engine that does not read WBUF.
 */
public record BoundEngine(ComputeEngine engine, AbufPort abuf, SbufPort sbuf, WbufReadPort wbuf) {
}
