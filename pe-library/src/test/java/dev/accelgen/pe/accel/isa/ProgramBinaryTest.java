package dev.accelgen.pe.accel.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProgramBinaryTest {
    private static Program sample() {
        Random rng = new Random(7);
        List<Instr> instrs = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            Instr i = RandomInstrs.of(op, rng);
            instrs.add(i instanceof ControlInstr.Branch b ? new ControlInstr.Branch(b.cond(), b.ra(), b.rb(), 3) : i);
        }
        byte[] hw = new byte[32];
        byte[] model = new byte[32];
        Arrays.fill(hw, (byte) 0xAB);
        Arrays.fill(model, (byte) 0x5C);
        return new Program(instrs, hw, model);
    }

    @Test
    void binaryAndListingRoundTrip() {
        Program p = sample();
        byte[] bin = ProgramBinary.write(p);
        assertEquals(128 + 32 * p.instrs().size(), bin.length);
        assertEquals("AGPROGRM", new String(bin, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(p.instrs().size(), bin[12] & 0xFF);
        assertEquals(p, ProgramBinary.read(bin));
        assertEquals(p.instrs(), Listing.assemble(Listing.write(p)));
    }

    @Test
    void malformedBinariesSayWhatIsWrong() {
        byte[] bin = ProgramBinary.write(sample());
        assertEquals("not an accelgen program (no AGPROGRM header)",
                assertThrows(IllegalArgumentException.class, () -> ProgramBinary.read(new byte[200])).getMessage());
        byte[] truncated = Arrays.copyOf(bin, bin.length - 1);
        assertEquals("program declares " + sample().instrs().size() + " instructions but holds "
                        + (truncated.length - 128) + " bytes of them",
                assertThrows(IllegalArgumentException.class, () -> ProgramBinary.read(truncated)).getMessage());
        byte[] badOp = bin.clone();
        badOp[128] = (byte) 0x7F;
        assertEquals("instruction 0: unknown opcode 0x7f",
                assertThrows(IllegalArgumentException.class, () -> ProgramBinary.read(badOp)).getMessage());
    }

    @Test
    void branchesPastTheEndAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Program(
                List.of(new ControlInstr.Branch(ControlInstr.Cond.EQ, 0, 0, 5)), new byte[32], new byte[32]));
        assertEquals("instruction 0 branches to 5, past the program's end (1 instructions)", e.getMessage());
    }

    @Test
    void assemblerNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Listing.assemble("# comment\n0: NOP\n2: HALT\n"));
        assertEquals("line 3: index 2 but this is instruction 1", e.getMessage());
    }
}
