package dev.accelgen.sim;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-written Verilog fixtures under src/test/resources/fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code manifest("mac", "mac_pipe")} reads fixtures/mac/mac_pipe.manifest.json. */
    public static Manifest manifest(String dir, String top) {
        return ManifestReader.read(dir(dir).resolve(top + ".manifest.json"));
    }

    /** Acceptances of input stream {@code stream} of a unit whose ready is always high: beat k at idle_0 + ... + k. */
    public static List<Acceptance> alwaysReady(String stream, List<Beat> beats) {
        List<Acceptance> out = new ArrayList<>();
        long c = -1;
        for (int k = 0; k < beats.size(); k++) {
            c += 1 + beats.get(k).idleBefore();
            out.add(new Acceptance(c, stream, k));
        }
        return out;
    }

    /** Port-name/value pairs as a map: {@code values("a", 1, "b", 2)}. */
    public static Map<String, BigInteger> values(Object... nameValue) {
        Map<String, BigInteger> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            Object v = nameValue[i + 1];
            m.put((String) nameValue[i], v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue()));
        }
        return m;
    }
}
