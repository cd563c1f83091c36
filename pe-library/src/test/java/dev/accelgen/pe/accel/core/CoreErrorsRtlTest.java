package dev.accelgen.pe.accel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.InstrCodec;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.isa.Sync;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a run ends in error, with its {@code done_status}, RTL against the model (the fuzz test's narrow core). */
class CoreErrorsRtlTest {
    private static final HwConfig HW = CoreFuzzRtlTest.NARROW;
    private static final Instr HALT = new ControlInstr.Halt();

    private static Ld load(int port, long src, long dst) {
        return new Ld(Deps.NONE, Ld.LdTarget.ABUF, Ld.LdMode.LINEAR, port, Opnd.imm(src), Opnd.imm(dst), Opnd.imm(2), 16,
                16, 2, Opnd.imm(0));
    }

    private static byte[] program(List<Instr> instrs) {
        return ProgramBinary.write(new Program(instrs, new byte[32], new byte[32]));
    }

    private static void expect(int status, byte[] prog, PortTiming port1, String reason) {
        byte[] port0 = new byte[4096];
        System.arraycopy(prog, 0, port0, 0, prog.length);
        CoreRun run = new CoreRun(List.of(port0, new byte[4096]), List.of(new PortTiming(4, 8), port1), 0,
                List.of(StartBeat.of(), StartBeat.of()), 9, 2_000_000);
        CoreVerifyResult r = AccelVerifier.verify(HW, run);
        System.out.println(reason + ": " + r.summaryLine() + " done " + r.golden().doneStatus() + " ("
                + r.golden().illegalReason() + ")");
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.detail());
        assertEquals(List.of(status, status), r.golden().doneStatus(), reason);
    }

    private static byte[] patched(List<Instr> instrs, int index, int opcodeByte) {
        byte[] p = program(instrs);
        p[ProgramBinary.HEADER_BYTES + 32 * index] = (byte) opcodeByte;
        return p;
    }

    @Test
    void unknownOpcode() {
        expect(4, patched(List.of(load(0, 2048, 0), new ControlInstr.Nop(), HALT), 1, 0x7E), new PortTiming(4, 8),
                "unknown opcode");
    }

    @Test
    void vectorInstructionTheConfigurationLacks() {
        byte[] p = program(List.of(load(0, 2048, 0), new ControlInstr.Nop(), HALT));
        byte[] soft = InstrCodec.encode(new VecInstr.VSoftmax(Deps.NONE, Opnd.imm(1), 4, Opnd.imm(0), 1, Opnd.imm(4), 1));
        System.arraycopy(soft, 0, p, ProgramBinary.HEADER_BYTES + 32, 32);
        expect(4, p, new PortTiming(4, 8), "VSOFTMAX on a core without it");
    }

    @Test
    void branchPastTheEndAndRunningOffIt() {
        byte[] p = program(List.of(load(0, 2048, 0), new ControlInstr.Branch(ControlInstr.Cond.EQ, 0, 0, 1), HALT));
        p[ProgramBinary.HEADER_BYTES + 32 + 2] = (byte) 0xC0;
        expect(4, p, new PortTiming(4, 8), "branch target past the end");
        expect(4, program(List.of(load(0, 2048, 0), new ControlInstr.Nop())), new PortTiming(4, 8), "no HALT");
    }

    @Test
    void malformedHeaders() {
        byte[] magic = program(List.of(HALT));
        magic[0] = 'X';
        expect(4, magic, new PortTiming(4, 8), "bad magic");
        List<Instr> many = new ArrayList<>();
        for (int i = 0; i < HW.imemWords(); i++) {
            many.add(new ControlInstr.Nop());
        }
        many.add(HALT);
        expect(4, program(many), new PortTiming(4, 8), "more instructions than IMEM holds");
    }

    @Test
    void configurationIllegalOperands() {
        expect(4, program(List.of(load(2, 2048, 0), HALT)), new PortTiming(4, 8), "port past the configuration's");
        expect(4, program(List.of(load(0, 2052, 0), HALT)), new PortTiming(4, 8), "misaligned source");
        expect(4, program(List.of(load(0, 2048, 0), load(1, 2048, HW.abufWords() - 1), load(0, 2048, 8), HALT)),
                new PortTiming(4, 8), "ABUF write past the depth");
    }

    @Test
    void readErrorsInFetchAndLoads() {
        expect(1, program(List.of(load(0, 2048, 0), load(1, 2048, 8), load(0, 2048, 16), HALT)),
                new PortTiming(6, 8).withResponses(2, 0), "SLVERR on port 1");
    }

    @Test
    void writeErrorResponses() {
        St store = new St(Deps.NONE, 1, Opnd.imm(0), Opnd.imm(1024), Opnd.imm(2), 24, 2, 64);
        expect(2, program(List.of(load(0, 2048, 0), store, load(0, 2048, 8), HALT)),
                new PortTiming(6, 8).withResponses(0, 2), "SLVERR write responses on port 1");
    }

    @Test
    void tokenCounterOverflow() {
        List<Instr> p = List.of(new ControlInstr.Li(9, 65_536),
                new Sync(new Deps(false, false, false, true), Queue.COMPUTE),
                new ControlInstr.Alu(ControlInstr.AluOp.ADD, 8, 8, Opnd.imm(1)),
                new ControlInstr.Branch(ControlInstr.Cond.LT, 8, 9, 1), HALT);
        expect(4, program(p), new PortTiming(4, 8), "65536 tokens pushed, none popped");
    }
}
