package dev.accelgen.boards.shell;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.ir.ClockDomain;

/** Four board LEDs that show the fabric is alive and the accelerator has signalled; see {@link StatusLedsConfig}. */
public final class StatusLeds implements ModuleGen<StatusLedsConfig> {
    public static final int LEDS = 4;

    @Override
    public String moduleName(StatusLedsConfig c) {
        return "status_leds_" + c.clockMhz() + "mhz";
    }

    @Override
    public void build(ModuleBuilder b, StatusLedsConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> {
            Bool irq = b.input("irq", Bool.type());
            UInt led = b.output("led", UInt.type(LEDS));
            UInt counter = b.reg("heartbeat", UInt.type(c.counterBits()), 0);
            counter.set(counter.addWrap(1));
            Bool outOfReset = b.reg("out_of_reset", Bool.type(), 0);
            outOfReset.set(Bool.TRUE);
            Bool irqQ = b.regNext("irq_q", irq, 0);
            Bool seen = b.reg("irq_seen", Bool.type(), 0);
            b.when(irqQ, () -> seen.set(Bool.TRUE));
            led.set(Bits.cat(seen, irqQ, outOfReset, counter.msb()).asUInt());
        });
    }
}
