package dev.accelgen.hdl.ir;

import java.util.List;

/** A valid/ready stream made of ports of the top module, recorded in the manifest for harnesses. */
public record StreamDef(String name, boolean input, Signal valid, Signal ready, List<Signal> data) {
    public StreamDef {
        data = List.copyOf(data);
    }
}
