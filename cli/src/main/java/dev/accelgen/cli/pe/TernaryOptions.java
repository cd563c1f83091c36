package dev.accelgen.cli.pe;

import dev.accelgen.errors.OptionError;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import picocli.CommandLine.Option;

/** Options of {@code accelgen pe ... ternary}. */
public final class TernaryOptions implements KindOptions<TernaryConfig> {
    @Option(names = "--lanes", defaultValue = "64", description = "ternary lanes per cycle, 2..512 (default ${DEFAULT-VALUE})")
    int lanes;

    @Option(names = "--a-bits", defaultValue = "8", description = "activation bits, 2..16 (default ${DEFAULT-VALUE})")
    int aBits;

    @Option(names = "--packing", defaultValue = "2bit", description = "weight storage: 2bit or base3 (default ${DEFAULT-VALUE})")
    String packing;

    @Option(names = "--lane-form", defaultValue = "lut62", description = "lane mapping: lut62, cin or naive (default ${DEFAULT-VALUE})")
    String form;

    @Override
    public TernaryConfig toConfig() {
        return new TernaryConfig(lanes, aBits, Packing.parse(packing), laneForm(form));
    }

    private static LaneForm laneForm(String s) {
        for (LaneForm f : LaneForm.values()) {
            if (f.tag().equals(s)) {
                return f;
            }
        }
        throw new OptionError("", "lane-form must be one of lut62, cin, naive (got " + s + ")");
    }
}
