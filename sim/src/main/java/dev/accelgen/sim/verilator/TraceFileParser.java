package dev.accelgen.sim.verilator;

import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the harness's trace file:
 * <pre>
 * accelgen-trace 1
 * a &lt;cycle&gt; &lt;input stream&gt; &lt;beat index&gt;       input beat accepted at edge &lt;cycle&gt;
 * r &lt;cycle&gt; &lt;memory&gt; &lt;hex byte address&gt; &lt;len&gt; AR request accepted
 * e &lt;cycle&gt; &lt;output stream&gt; &lt;hex&gt;...          output event, data ports in manifest order
 * end done|timeout &lt;cycles run&gt;
 * </pre>
 * Values are unsigned bit patterns; signed ports are converted back to negative numbers.
 */
public final class TraceFileParser {
    private TraceFileParser() {
    }

    public static RtlRun parse(String text, HarnessSpec spec, double simSeconds) {
        Map<String, ManifestStream> outs = new HashMap<>();
        spec.outputStreams().forEach(s -> outs.put(s.name(), s));
        List<OutputEvent> events = new ArrayList<>();
        List<RtlRun.Acceptance> acceptances = new ArrayList<>();
        List<RtlRun.MemoryRequest> requests = new ArrayList<>();
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals("accelgen-trace 1")) {
            throw new IllegalStateException("harness output is not an accelgen-trace 1 file");
        }
        for (int i = 1; i < lines.length; i++) {
            String[] t = lines[i].split(" ");
            switch (t[0]) {
                case "a" -> acceptances.add(new RtlRun.Acceptance(Long.parseLong(t[1]), t[2], Integer.parseInt(t[3])));
                case "r" -> requests.add(new RtlRun.MemoryRequest(Long.parseLong(t[1]), t[2],
                        Long.parseUnsignedLong(t[3], 16), Integer.parseInt(t[4])));
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
                    long total = events.isEmpty() ? 0 : events.get(events.size() - 1).cycle() + 1;
                    return new RtlRun(new Trace(events, total), t[1].equals("timeout"), Long.parseLong(t[2]),
                            acceptances, requests, simSeconds);
                }
                default -> throw new IllegalStateException("unexpected harness output line: " + lines[i]);
            }
        }
        throw new IllegalStateException("harness output ends without an 'end' line (the simulation crashed?)");
    }
}
