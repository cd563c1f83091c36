package dev.accelgen.pe.vector.harness;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.stream.Ports;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one standalone engine run does: preload buffer words (back to back from cycle 0), then issue
 * resolved instructions, each offered {@code idleBefore} cycles after the previous one was accepted.
 */
public record EngineRun(List<Load> loads, List<Issue> issues) {
    public static final int ABUF = 0;
    public static final int SBUF = 1;
    public static final int WBUF0 = 2;

    /** One buffer word: {@code buffer} ABUF, SBUF or WBUF0 + bank; {@code chunks} 32-bit pieces from bit 0. */
    public record Load(int buffer, int addr, int[] chunks) {
        public Load {
            if (buffer < ABUF || buffer > WBUF0 + 1) {
                throw new IllegalArgumentException("buffer must be 0..3 (got " + buffer + ")");
            }
            chunks = chunks.clone();
        }
    }

    public record Issue(QueuedInstr instr, int idleBefore) {
    }

    public EngineRun {
        loads = List.copyOf(loads);
        issues = List.copyOf(issues);
    }

    /** The stimulus of {@link EngineTop} for this run. */
    public Stimulus stimulus(EngineGeometry g, List<EngineField> fields, long seed) {
        int addrBits = EngineTop.loadAddrBits(g);
        List<Beat> loadBeats = new ArrayList<>();
        for (Load l : loads) {
            Map<String, BigInteger> v = new LinkedHashMap<>();
            v.put("load_buf", BigInteger.valueOf(l.buffer()));
            v.put("load_addr", Ports.bits(l.addr(), addrBits));
            for (int k = 0; k < EngineTop.chunks(g); k++) {
                v.put("load_data_" + k, Ports.bits(k < l.chunks().length ? l.chunks()[k] : 0, 32));
            }
            loadBeats.add(new Beat(0, v));
        }
        List<Beat> instrBeats = new ArrayList<>();
        for (Issue i : issues) {
            Map<String, BigInteger> v = new LinkedHashMap<>();
            for (EngineField f : fields) {
                v.put("instr_" + f.name(), BigInteger.valueOf(f.value(i.instr())));
            }
            instrBeats.add(new Beat(i.idleBefore(), v));
        }
        // Stressed like every unit's stimulus: junk on the idle load and instr beats (the top has no output ready).
        return StressProfile.DEFAULT.apply(new Stimulus(List.of(new StreamStimulus("load", loadBeats),
                new StreamStimulus("instr", instrBeats)), seed));
    }
}
