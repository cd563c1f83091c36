package dev.accelgen.hdl;

import java.util.ArrayList;
import java.util.List;

/**
 * A vendor primitive (e.g. DSP48E2) instantiated by name and never emitted. Its behavioural model, a
 * Verilog file, is listed as a simulation-only source in the manifest so Verilator and Icarus can run it.
 */
public record BlackBox(String name, List<Pin> pins, String simFileName, String simSource) {
    /** A port of the primitive: name, width and direction. */
    public record Pin(String name, int width, boolean input) { }

    public BlackBox {
        pins = List.copyOf(pins);
    }

    public static BlackBox named(String name) {
        return new BlackBox(name, List.of(), name + ".v", null);
    }

    public BlackBox in(String pin, int width) {
        return with(new Pin(pin, width, true));
    }

    public BlackBox out(String pin, int width) {
        return with(new Pin(pin, width, false));
    }

    /** The behavioural model used in simulation; the module inside must be named {@link #name()}. */
    public BlackBox model(String fileName, String verilog) {
        return new BlackBox(name, pins, fileName, verilog);
    }

    private BlackBox with(Pin p) {
        List<Pin> l = new ArrayList<>(pins);
        l.add(p);
        return new BlackBox(name, l, simFileName, simSource);
    }
}
