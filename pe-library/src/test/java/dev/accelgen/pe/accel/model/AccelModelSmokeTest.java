package dev.accelgen.pe.accel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.isa.Sync;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccelModelSmokeTest {
    static final HwConfig HW = new HwConfig("t", 4, 64, 16, 16, 2, 64, List.of(), Set.of(), 4, 2, 1, 4, 64, 4, 2);

    @Test
    void loadThenStoreCopiesRows() {
        List<Instr> p = List.of(
                new Ld(new Deps(false, false, false, true), Ld.LdTarget.ABUF, Ld.LdMode.LINEAR, 0, Opnd.imm(1024),
                        Opnd.imm(0), Opnd.imm(3), 20, 64, 2, Opnd.imm(0)),
                new Sync(new Deps(true, false, false, true), Queue.COMPUTE),
                new St(new Deps(true, false, false, false), 1, Opnd.imm(0), Opnd.imm(256), Opnd.imm(3), 20, 2, 32),
                new ControlInstr.Halt());
        byte[] prog = ProgramBinary.write(new Program(p, new byte[32], new byte[32]));
        byte[] port0 = new byte[2048];
        System.arraycopy(prog, 0, port0, 0, prog.length);
        for (int i = 1024; i < 2048; i++) {
            port0[i] = (byte) (i * 7 + 3);
        }
        byte[] port1 = new byte[512];
        ModelResult r = new AccelModel(HW, AccelModel.Mode.DATA, ComputeEngines.none()).run(CoreRun.of(List.of(port0, port1),
                new PortTiming(5, 8), 0, List.of(StartBeat.of(1))));
        assertEquals(List.of(0), r.doneStatus(), String.valueOf(r.illegalReason()));
        byte[] out = r.memories().get(1).bytes(512);
        for (int row = 0; row < 3; row++) {
            for (int i = 0; i < 32; i++) {
                byte want = i < 20 ? port0[1024 + row * 64 + i] : 0;
                assertEquals(want, out[256 + row * 32 + i], "row " + row + " byte " + i);
            }
        }
        r.events().forEach(System.out::println);
        System.out.println("cycles " + r.totalCycles());
    }
}
