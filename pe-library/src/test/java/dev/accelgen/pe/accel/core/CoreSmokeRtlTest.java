package dev.accelgen.pe.accel.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.Sync;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-written programs on the two port widths the fuzz test's cores do not have: a port as wide as an ABUF
 * word (16 bytes, two beats per instruction word) and a 32-byte one (one beat per instruction word).
 */
class CoreSmokeRtlTest {
    static final HwConfig EQUAL = new HwConfig("equal", 4, 64, 16, 16, 2, 128, List.of(), Set.of(), 4, 2, 1, 4, 64, 4, 2);
    static final HwConfig VEC32 = new HwConfig("vec32", 8, 64, 16, 16, 1, 256, List.of(),
            Set.of(Opcode.VBINARY, Opcode.VCOPY, Opcode.VAFFINE), 16, 2, 1, 4, 64, 4, 2);

    @Test
    void loadsLoopsAndSyncs() {
        HwConfig hw = EQUAL;
        List<Instr> p = List.of(
                new ControlInstr.Li(8, 3),
                new ControlInstr.Li(9, 1024),
                new Ld(new Deps(false, false, false, true), Ld.LdTarget.ABUF, Ld.LdMode.LINEAR, 1, Opnd.reg(9),
                        Opnd.reg(10), Opnd.imm(2), 20, 64, 2, Opnd.imm(0)),
                new Sync(new Deps(true, false, false, false), Queue.COMPUTE),
                new ControlInstr.Alu(ControlInstr.AluOp.ADD, 9, 9, Opnd.imm(128)),
                new ControlInstr.Alu(ControlInstr.AluOp.ADD, 10, 10, Opnd.imm(4)),
                new ControlInstr.Alu(ControlInstr.AluOp.SUB, 8, 8, Opnd.imm(1)),
                new ControlInstr.Branch(ControlInstr.Cond.NE, 8, 0, 2),
                new Ld(Deps.NONE, Ld.LdTarget.ABUF, Ld.LdMode.INDIRECT, 0, Opnd.imm(2048), Opnd.imm(20), Opnd.imm(5), 8,
                        64, 1, Opnd.imm(1540)),
                new Ld(Deps.NONE, Ld.LdTarget.WBUF0, Ld.LdMode.LINEAR, 0, Opnd.imm(3072), Opnd.imm(0), Opnd.imm(6), 0, 0,
                        0, Opnd.imm(0)),
                new ControlInstr.Halt());
        byte[] prog = ProgramBinary.write(new Program(p, new byte[32], new byte[32]));
        Random rng = new Random(1);
        byte[] port0 = new byte[4096];
        rng.nextBytes(port0);
        System.arraycopy(prog, 0, port0, 0, prog.length);
        for (int i = 0; i < 5; i++) {
            int idx = rng.nextInt(8);
            for (int k = 0; k < 4; k++) {
                port0[1540 + 4 * i + k] = (byte) (idx >> (8 * k));
            }
        }
        byte[] port1 = new byte[4096];
        rng.nextBytes(port1);
        check(hw, CoreRun.of(List.of(port0, port1), new PortTiming(7, 8), 0, List.of(StartBeat.of(1), StartBeat.of(2))));
    }

    @Test
    void vectorInstructionsAfterLoads() {
        HwConfig hw = VEC32;
        List<Instr> p = List.of(
                new Ld(new Deps(false, false, false, true), Ld.LdTarget.ABUF, Ld.LdMode.LINEAR, 0, Opnd.imm(1024),
                        Opnd.imm(0), Opnd.imm(4), 32, 32, 2, Opnd.imm(0)),
                new VecInstr.VBinary(new Deps(true, false, false, false), VecInstr.BinOp.ADD, Opnd.imm(2), 8, Opnd.imm(0),
                        2, Opnd.imm(4), 2, Opnd.imm(8), 2),
                new VecInstr.VCopy(Deps.NONE, Opnd.imm(2), 5, Opnd.imm(8), 2, Opnd.imm(12), 2),
                new VecInstr.VAffine(Deps.NONE, Opnd.imm(1), 8, Opnd.imm(0), 2, Opnd.imm(16), 2, 98304, 100),
                new VecInstr.VBinary(Deps.NONE, VecInstr.BinOp.MUL, Opnd.imm(2), 8, Opnd.imm(0), 2, Opnd.imm(16), 0,
                        Opnd.imm(20), 2),
                new ControlInstr.Halt());
        byte[] prog = ProgramBinary.write(new Program(p, new byte[32], new byte[32]));
        Random rng = new Random(2);
        byte[] port0 = new byte[2048];
        rng.nextBytes(port0);
        System.arraycopy(prog, 0, port0, 0, prog.length);
        check(hw, CoreRun.of(List.of(port0), new PortTiming(3, 16), 0, List.of(StartBeat.of())));
    }

    private static void check(HwConfig hw, CoreRun run) {
        long t0 = System.nanoTime();
        CoreVerifyResult r = AccelVerifier.verify(hw, run);
        System.out.println(r.summaryLine() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.detail());
    }
}
