package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.isa.Sync;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speed of {@link AccelModel} in data and timing-only mode on two decode-like programs over 16 ports of 256 bits:
 * weight tiles streamed into alternating WBUF banks with element-wise vector work and a stored row; and
 * matrix-vector tiles (WBUF loads double-buffered against MM on a MixPE W4A8 unit, tokens between them).
 * Prints simulated cycles per CPU second. Run:
 * {@code mvn -B -pl pe-library -am test -Dtest=AccelModelBench -Dpe.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class AccelModelBench {
    static final HwConfig HW = new HwConfig("bench", 16, 4096, 1024, 4096, 16, 256, List.of(),
            Set.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY), 4096, 128, 256, 8, 1024, 16, 8);

    @Test
    void cyclesPerSecond() {
        report("weight streaming + vector work", HW, streaming(), Integer.getInteger("accelgen.bench.layers", 32));
        report("decode matrix-vector tiles (MixPE W4A8, 256 x 4096 per tile)", MM_HW, decodeTiles(),
                Integer.getInteger("accelgen.bench.tiles", 64));
    }

    /** Decode-like: per tile, 2048 WBUF words streamed into alternating banks, then one MM over it (one row). */
    static final HwConfig MM_HW = new HwConfig("benchmm", 16, 4096, 1024, 4096, 16, 256,
            List.of(new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.INT8, 32, 64, 8, MulForm.SHIFT_ADD))),
            Set.of(Opcode.VBINARY), 4096, 128, 256, 8, 1024, 16, 8);

    private static List<Instr> decodeTiles() {
        List<Instr> p = new ArrayList<>();
        p.add(new ControlInstr.Li(8, 0));
        int loop = p.size();
        for (int bank = 0; bank < 2; bank++) {
            p.add(new Ld(new Deps(false, true, false, true), bank == 0 ? Ld.LdTarget.WBUF0 : Ld.LdTarget.WBUF1,
                    Ld.LdMode.LINEAR, 0, Opnd.imm(1 << 20), Opnd.imm(0), Opnd.imm(2048), 0, 0, 0, Opnd.imm(0)));
            p.add(new Mm(new Deps(true, false, true, false), 0, false, false, false, false, false, false, Opnd.imm(1), 4096,
                    256, Opnd.imm(0), 256, bank, 0, Opnd.imm(512), 16, Opnd.imm(1024), 1 << 16, 16, 16, Opnd.imm(0)));
        }
        p.add(new ControlInstr.Alu(ControlInstr.AluOp.ADD, 8, 8, Opnd.imm(2)));
        p.add(new ControlInstr.Branch(ControlInstr.Cond.LT, 8, 1, loop));
        p.add(new ControlInstr.Halt());
        p.add(0, new Sync(new Deps(false, false, true, false), Queue.COMPUTE));
        p.add(0, new Sync(new Deps(false, false, true, false), Queue.COMPUTE));
        return fixTargets(p, 2);
    }

    /** Branch targets shifted by the instructions inserted at the front. */
    private static List<Instr> fixTargets(List<Instr> p, int shift) {
        List<Instr> out = new ArrayList<>();
        for (Instr i : p) {
            out.add(i instanceof ControlInstr.Branch b ? new ControlInstr.Branch(b.cond(), b.ra(), b.rb(), b.target() + shift)
                    : i);
        }
        return out;
    }

    private static List<Instr> streaming() {
        List<Instr> p = new ArrayList<>();
        p.add(new ControlInstr.Li(8, 0));
        int loop = p.size();
        for (int bank = 0; bank < 2; bank++) {
            p.add(new Ld(new Deps(false, bank == 1, false, true), bank == 0 ? Ld.LdTarget.WBUF0 : Ld.LdTarget.WBUF1,
                    Ld.LdMode.LINEAR, 0, Opnd.imm(1 << 20), Opnd.imm(0), Opnd.imm(4096), 0, 0, 0, Opnd.imm(0)));
            p.add(new VecInstr.VBinary(new Deps(true, false, bank == 0, false), VecInstr.BinOp.ADD, Opnd.imm(4), 4096,
                    Opnd.imm(0), 256, Opnd.imm(1024), 256, Opnd.imm(2048), 256));
            p.add(new VecInstr.VAffine(Deps.NONE, Opnd.imm(4), 4096, Opnd.imm(2048), 256, Opnd.imm(0), 256, 70000, 3));
        }
        p.add(new Sync(new Deps(false, false, false, true), Queue.COMPUTE));
        p.add(new St(new Deps(true, false, false, false), 1, Opnd.imm(0), Opnd.imm(4096), Opnd.imm(1), 16384, 0, 0));
        p.add(new ControlInstr.Alu(ControlInstr.AluOp.ADD, 8, 8, Opnd.imm(1)));
        p.add(new ControlInstr.Branch(ControlInstr.Cond.LT, 8, 1, loop));
        p.add(new ControlInstr.Halt());
        return p;
    }

    private static void report(String what, HwConfig hw, List<Instr> program, int r1) {
        byte[] prog = ProgramBinary.write(new Program(program, new byte[32], new byte[32]));
        List<byte[]> images = new ArrayList<>();
        for (int port = 0; port < hw.ports(); port++) {
            images.add(port == 0 ? prog : new byte[0]);
        }
        CoreRun run = CoreRun.of(images, new PortTiming(40, 32), 0, List.of(StartBeat.of(r1))).withMaxCycles(1L << 34);
        for (AccelModel.Mode mode : AccelModel.Mode.values()) {
            AccelModel m = new AccelModel(hw, mode, EngineCatalog.models());
            m.run(CoreRun.of(images, new PortTiming(40, 32), 0, List.of(StartBeat.of(2))));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            ModelResult r = m.run(run);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("AccelModel %s, %s mode: %,d cycles in %.2f s wall, %.2f s CPU = %,.0f cycles per CPU"
                    + " second (statuses %s)%n", what, mode, r.totalCycles(), s, cpu, r.totalCycles() / cpu, r.doneStatus());
        }
    }
}
