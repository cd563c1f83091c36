package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.model.AxiPortWires;
import dev.accelgen.pe.accel.model.ControlWires;
import dev.accelgen.pe.accel.model.FetchWires;
import dev.accelgen.pe.accel.model.Glue;

/** Glue: port 0's read channel carries the program fetch while the controller fetches, the load engine otherwise. */
public final class FetchMux implements Glue {
    private final ControlWires ctl;
    private final FetchWires fetch;
    private final AxiPortWires port0;

    public FetchMux(ControlWires ctl, FetchWires fetch, AxiPortWires port0) {
        this.ctl = ctl;
        this.fetch = fetch;
        this.port0 = port0;
    }

    @Override
    public void settle() {
        if (ctl.fetching) {
            port0.arValid = fetch.arValid;
            port0.arAddr = fetch.arAddr;
            port0.arLen = fetch.arLen;
            port0.arTag = -1;
            port0.rReady = fetch.rReady;
        }
    }
}
