package dev.accelgen.cli.pe;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.StressProfile;
import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.LatencyRule;
import dev.accelgen.sim.stress.Stalls;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How hard {@code pe verify} pushes the unit: junk on idle inputs, seeded stalls on every ready the harness
 * drives (output streams that have one, memory AR/AW/W) and memory latency drawn per request; on by default.
 */
final class StressOptions {
    @Option(names = "--stall-percent", paramLabel = "P",
            description = "chance in percent per cycle that a stall starts on each ready the harness drives, 0..99 (default "
                    + "10)")
    Integer stallPercent;

    @Option(names = "--max-stall", paramLabel = "N", description = "longest stall in cycles, 1..1000000 (default 16)")
    Integer maxStall;

    @Option(names = "--no-stress",
            description = "idle inputs 0, never stalled, memories at their nominal latency (the harness without stress)")
    boolean noStress;

    /** The profile these options ask for; {@code latency} is the unit options' memory latency range, if given. */
    StressProfile profile(Optional<LatencyRange> latency) {
        if (noStress) {
            if (stallPercent != null || maxStall != null || latency.isPresent()) {
                throw new OptionError("--no-stress", "cannot be combined with --stall-percent, --max-stall or a"
                        + " --mem-latency range; drop one of them");
            }
            return StressProfile.NONE;
        }
        StressProfile d = StressProfile.DEFAULT;
        Stalls stalls;
        try {
            stalls = new Stalls(stallPercent != null ? stallPercent : d.outputStalls().percent(),
                    maxStall != null ? maxStall : d.outputStalls().maxLength());
        } catch (IllegalArgumentException e) {
            throw new OptionError(stallPercent != null && (stallPercent < 0 || stallPercent > 99) ? "--stall-percent"
                    : "--max-stall", e.getMessage());
        }
        LatencyRule rule = latency.<LatencyRule>map(LatencyRule.Fixed::new).orElse(d.latency());
        return new StressProfile(true, stalls, stalls, rule);
    }

    /** One line for the progress output, e.g. "junk on idle, stalls 10% of up to 16 cycles, memory latency [L, 3L]". */
    static String describe(StressProfile p) {
        if (p.equals(StressProfile.NONE)) {
            return "no stress (idle inputs 0, never stalled, nominal memory latency)";
        }
        String latency = p.latency() instanceof LatencyRule.Fixed f ? f.range().toString()
                : "[L, " + ((LatencyRule.Scaled) p.latency()).factor() + "L]";
        return (p.junk() ? "junk on idle" : "idle inputs 0") + ", stalls " + p.outputStalls().percent() + "% of up to "
                + p.outputStalls().maxLength() + " cycles, memory latency " + latency;
    }
}
