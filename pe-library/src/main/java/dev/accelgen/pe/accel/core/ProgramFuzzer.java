package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.Stalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws random valid programs for a configuration, on random memory: straight-line segments and counted loops
 * (trip count from the run register r4, which differs between the two start beats), every queued instruction
 * kind the configuration executes (LD linear, indirect and striped to WBUF, ST, SYNC to each queue, the vector
 * instructions it has), register arithmetic, operands through registers, dependency tokens that never pop
 * before a matching push. Addresses stay inside the images and buffers for every trip count. Each port gets a
 * random latency (fixed or a range), bandwidth, and AR/AW and W stalls half of the time. One case in eight
 * ends with a configuration-illegal instruction or runs on a port answering SLVERR, so the error paths and the
 * queue flush are exercised too. Everything follows from the seed.
 */
public final class ProgramFuzzer {
    private final HwConfig hw;
    private final FuzzLayout layout;
    private final boolean stores;
    private final boolean identityIndices;

    public ProgramFuzzer(HwConfig hw) {
        this(hw, true, false);
    }

    private ProgramFuzzer(HwConfig hw, boolean stores, boolean identityIndices) {
        this.hw = hw;
        this.layout = new FuzzLayout(hw);
        this.stores = stores;
        this.identityIndices = identityIndices;
    }

    /** With or without ST instructions. */
    public ProgramFuzzer withStores(boolean on) {
        return new ProgramFuzzer(hw, on, identityIndices);
    }

    /** Index lists of indirect loads hold 0, 1, 2, ... (the timing-only mode's assumption), not random rows. */
    public ProgramFuzzer withIdentityIndices(boolean on) {
        return new ProgramFuzzer(hw, stores, on);
    }

    public FuzzCase draw(long seed) {
        Random rng = new Random(seed);
        List<byte[]> images = new ArrayList<>();
        for (int p = 0; p < hw.ports(); p++) {
            byte[] img = new byte[FuzzLayout.IMAGE];
            rng.nextBytes(img);
            images.add(img);
        }
        FuzzEmitter e = new FuzzEmitter(hw, layout, rng, images, stores, identityIndices);
        int segments = 3 + rng.nextInt(5);
        for (int s = 0; s < segments && e.size() < layout.maxInstructions() - 12; s++) {
            if (rng.nextInt(3) == 0) {
                e.loop(1 + rng.nextInt(3));
            } else {
                e.straight(1 + rng.nextInt(4));
            }
        }
        boolean errorCase = rng.nextInt(8) == 0;
        int errorKind = errorCase ? rng.nextInt(3) : -1;
        if (errorKind == 0) {
            e.add(illegal(rng));
        }
        e.add(new ControlInstr.Halt());
        Program program = new Program(e.instrs(), new byte[Program.HASH_BYTES], new byte[Program.HASH_BYTES]);
        byte[] bin = ProgramBinary.write(program);
        System.arraycopy(bin, 0, images.get(0), 0, bin.length);
        List<PortTiming> timing = new ArrayList<>();
        for (int p = 0; p < hw.ports(); p++) {
            int lat = 1 + rng.nextInt(12);
            PortTiming t = new PortTiming(rng.nextBoolean() ? LatencyRange.fixed(lat) : new LatencyRange(lat, 3 * lat),
                    rng.nextBoolean() ? hw.portBytes() : hw.portBytes() / 2, stalls(rng), stalls(rng), 0, 0);
            if (errorKind == 1 && p == hw.ports() - 1) {
                t = t.withResponses(2, 0);
            } else if (errorKind == 2 && p == hw.ports() - 1) {
                t = t.withResponses(0, 2);
            }
            timing.add(t);
        }
        List<StartBeat> starts = List.of(beat(rng, 1 + rng.nextInt(FuzzLayout.MAX_TRIPS)),
                beat(rng, 1 + rng.nextInt(FuzzLayout.MAX_TRIPS)));
        return new FuzzCase(seed, program, new CoreRun(images, timing, 0, starts, seed, 2_000_000));
    }

    /** Memory-channel stalls half of the time: 10% of cycles start a stall of up to 16 cycles. */
    private static Stalls stalls(Random rng) {
        return rng.nextBoolean() ? new Stalls(10, 16) : Stalls.NONE;
    }

    private StartBeat beat(Random rng, int trips) {
        int[] r = new int[7];
        r[0] = layout.r1();
        r[1] = rng.nextInt();
        r[3] = trips;
        return new StartBeat(rng.nextInt(4), r);
    }

    /** An instruction the configuration refuses: a port it lacks, or a source not aligned to the port width. */
    private Instr illegal(Random rng) {
        boolean badPort = rng.nextBoolean() && hw.ports() < 64;
        int port = badPort ? hw.ports() : 0;
        long src = FuzzLayout.DATA + (badPort ? 0 : 4);
        return new Ld(Deps.NONE, Ld.LdTarget.ABUF, Ld.LdMode.LINEAR, port, Opnd.imm(src), Opnd.imm(0), Opnd.imm(1), 4, 0,
                0, Opnd.imm(0));
    }

}
