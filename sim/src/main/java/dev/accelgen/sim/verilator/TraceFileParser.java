package dev.accelgen.sim.verilator;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.WriteEvent;
import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parses the harness's trace file:
 * <pre>
 * accelgen-trace 2
 * a &lt;cycle&gt; &lt;input stream&gt; &lt;beat index&gt;                   input beat accepted at edge &lt;cycle&gt;
 * ar &lt;cycle&gt; &lt;memory&gt; &lt;hex byte address&gt; &lt;len&gt;            AR request accepted
 * aw &lt;cycle&gt; &lt;memory&gt; &lt;hex byte address&gt; &lt;len&gt;            AW request accepted
 * w &lt;cycle&gt; &lt;memory&gt; &lt;hex byte address&gt; &lt;hex data&gt; &lt;hex strb&gt; W beat accepted (address of its word)
 * b &lt;cycle&gt; &lt;memory&gt;                                      B response accepted
 * e &lt;cycle&gt; &lt;output stream&gt; &lt;hex&gt;...                      output event, data ports in manifest order
 * x &lt;cycle&gt; &lt;memory&gt; &lt;text&gt;                               protocol violation
 * m &lt;memory&gt; &lt;hex word index&gt; &lt;hex word&gt;                    final contents of a written word
 * end done|timeout &lt;cycles run&gt;
 * </pre>
 * Values are unsigned bit patterns; signed ports are converted back to negative numbers.
 */
public final class TraceFileParser {
    public static final String HEADER = "accelgen-trace 2";

    private TraceFileParser() {
    }

    public static RtlRun parse(String text, HarnessSpec spec, double simSeconds) {
        Map<String, ManifestStream> outs = new HashMap<>();
        spec.outputStreams().forEach(s -> outs.put(s.name(), s));
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> acceptances = new ArrayList<>();
        List<WriteEvent> writes = new ArrayList<>();
        List<RtlRun.MemoryRequest> requests = new ArrayList<>();
        List<RtlRun.ProtocolError> errors = new ArrayList<>();
        Map<String, SortedMap<Long, BigInteger>> written = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalStateException("harness output is not an " + HEADER + " file");
        }
        for (int i = 1; i < lines.length; i++) {
            String[] t = lines[i].split(" ");
            switch (t[0]) {
                case "a" -> acceptances.add(new Acceptance(Long.parseLong(t[1]), t[2], Integer.parseInt(t[3])));
                case "ar" -> requests.add(new RtlRun.MemoryRequest(Long.parseLong(t[1]), t[2],
                        Long.parseUnsignedLong(t[3], 16), Integer.parseInt(t[4])));
                case "aw" -> writes.add(new WriteEvent.Address(Long.parseLong(t[1]), t[2], Long.parseUnsignedLong(t[3], 16),
                        Integer.parseInt(t[4])));
                case "w" -> writes.add(new WriteEvent.Data(Long.parseLong(t[1]), t[2], Long.parseUnsignedLong(t[3], 16),
                        new BigInteger(t[4], 16), new BigInteger(t[5], 16)));
                case "b" -> writes.add(new WriteEvent.Response(Long.parseLong(t[1]), t[2]));
                case "x" -> errors.add(new RtlRun.ProtocolError(Long.parseLong(t[1]), t[2],
                        String.join(" ", Arrays.copyOfRange(t, 3, t.length))));
                case "m" -> written.computeIfAbsent(t[1], k -> new TreeMap<>(Long::compareUnsigned))
                        .put(Long.parseUnsignedLong(t[2], 16), new BigInteger(t[3], 16));
                case "e" -> {
                    ManifestStream s = outs.get(t[2]);
                    Map<String, BigInteger> values = new LinkedHashMap<>();
                    for (int d = 0; d < s.data().size(); d++) {
                        ManifestPort p = spec.port(s.data().get(d));
                        values.put(p.name(), p.fromBits(new BigInteger(t[3 + d], 16)));
                    }
                    events.add(new OutputEvent(Long.parseLong(t[1]), s.name(), values));
                }
                case "end" -> {
                    Trace trace = Trace.of(events, acceptances, writes);
                    return new RtlRun(trace, t[1].equals("timeout"), Long.parseLong(t[2]), requests, written, errors,
                            simSeconds);
                }
                default -> throw new IllegalStateException("unexpected harness output line: " + lines[i]);
            }
        }
        throw new IllegalStateException("harness output ends without an 'end' line (the simulation crashed?)");
    }
}
