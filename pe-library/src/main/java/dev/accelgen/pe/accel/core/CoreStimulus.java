package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.Registers;
import dev.accelgen.pe.accel.model.CoreRun;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.pe.accel.model.StartBeat;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.MemoryImage;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.stress.Stalls;
import dev.accelgen.sim.stress.Stress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CoreRun} as the Verilator harness's stimulus for the core's ports ({@link AccelCoreRtl}): junk on every
 * idle input (start data, R data while R is not valid); memory timing and responses as the run gives them.
 */
public final class CoreStimulus {
    private static final Stress JUNK = new Stress(true, Stalls.NONE);

    private CoreStimulus() {
    }

    public static Stimulus of(HwConfig c, CoreRun run) {
        List<Beat> beats = new ArrayList<>();
        for (StartBeat s : run.starts()) {
            Map<String, BigInteger> v = new LinkedHashMap<>();
            int[] r = s.regs();
            for (int i = 0; i < Registers.RUN_PARAMS; i++) {
                v.put("start_r" + (i + 1), BigInteger.valueOf(r[i] & 0xFFFF_FFFFL));
            }
            beats.add(new Beat(s.idleBefore(), v));
        }
        Map<String, BigInteger> statics = new LinkedHashMap<>();
        statics.put("prog_offset", BigInteger.valueOf(run.progOffset()));
        List<MemoryImage> mems = new ArrayList<>();
        for (int p = 0; p < c.ports(); p++) {
            PortTiming t = run.timing().get(p);
            if (t.readResp() != 0) {
                statics.put("m" + p + "_r_resp", BigInteger.valueOf(t.readResp()));
            }
            if (t.writeResp() != 0) {
                statics.put("m" + p + "_b_resp", BigInteger.valueOf(t.writeResp()));
            }
            mems.add(image("m" + p, run.images().get(p), c.portBytes(), t));
        }
        return new Stimulus(List.of(new StreamStimulus("start", beats)), run.seed(), statics, mems, JUNK);
    }

    private static MemoryImage image(String name, byte[] bytes, int wordBytes, PortTiming t) {
        List<BigInteger> words = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += wordBytes) {
            byte[] be = new byte[wordBytes + 1];
            for (int i = 0; i < wordBytes && at + i < bytes.length; i++) {
                be[wordBytes - i] = bytes[at + i];
            }
            words.add(new BigInteger(be));
        }
        return new MemoryImage(name, t.latency(), t.bytesPerCycle(), t.addressStalls(), t.writeStalls(), words);
    }
}
