package dev.accelgen.pe.accel.model;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.isa.Sync;
import dev.accelgen.pe.accel.isa.VecInstr;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speed of {@link AccelModel} in data and timing-only mode on a decode-like program: per layer, weight tiles
 * streamed into alternating WBUF banks over 16 ports of 256 bits, element-wise vector work on a row, a row
 * stored. Prints simulated cycles per second. Run:
 * {@code mvn -B -pl pe-library -am test -Dtest=AccelModelBench -Dpe.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class AccelModelBench {
    static final HwConfig HW = new HwConfig("bench", 16, 4096, 1024, 4096, 16, 256, List.of(),
            Set.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY), 4096, 128, 256, 8, 1024, 16, 8);

    @Test
    void cyclesPerSecond() {
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
        byte[] prog = ProgramBinary.write(new Program(p, new byte[32], new byte[32]));
        List<byte[]> images = new ArrayList<>();
        for (int port = 0; port < HW.ports(); port++) {
            images.add(port == 0 ? prog : new byte[0]);
        }
        CoreRun run = CoreRun.of(images, new PortTiming(40, 32), 0, List.of(StartBeat.of(Integer.getInteger("accelgen.bench.layers", 32)))).withMaxCycles(1L << 34);
        for (AccelModel.Mode mode : AccelModel.Mode.values()) {
            AccelModel m = new AccelModel(HW, mode, EngineCatalog.models());
            m.run(CoreRun.of(images, new PortTiming(40, 32), 0, List.of(StartBeat.of(2))));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            ModelResult r = m.run(run);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("AccelModel %s mode: %,d cycles in %.2f s wall, %.2f s CPU = %,.0f cycles per CPU second"
                    + " (statuses %s)%n", mode, r.totalCycles(), s, cpu, r.totalCycles() / cpu, r.doneStatus());
        }
    }
}
