package dev.accelgen.hdl.emit;

import dev.accelgen.hdl.check.Netlist;
import dev.accelgen.hdl.ir.ModuleDef;

/** Public entry to module emission: one Verilog-2005 file's text per module. */
public final class VerilogEmitter {
    private VerilogEmitter() {
    }

    public static String emit(ModuleDef module, Netlist netlist) {
        return new ModuleEmitter(module, netlist).emit();
    }
}
