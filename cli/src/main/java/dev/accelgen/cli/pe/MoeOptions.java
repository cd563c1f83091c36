package dev.accelgen.cli.pe;

import dev.accelgen.errors.OptionError;
import dev.accelgen.pe.moe.MoeConfig;
import dev.accelgen.sim.stress.LatencyRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Options of {@code accelgen pe ... moe}. */
public final class MoeOptions implements KindOptions<MoeConfig> {
    private static final Pattern EXPERT_ARRAY = Pattern.compile("systolic:(\\d{1,3})x(\\d{1,3})");

    @Option(names = "--experts", defaultValue = "8", description = "experts E, 1..64 (default ${DEFAULT-VALUE})")
    int experts;

    @Option(names = "--top-k", defaultValue = "2", description = "experts per token, 1 or 2 (default ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--tokens", defaultValue = "16", description = "tokens per batch (default ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--expert-array", defaultValue = "systolic:2x4",
            description = "expert compute array as systolic:ROWSxCOLS (INT8) (default ${DEFAULT-VALUE})")
    String expertArray;

    @Option(names = "--d-model", defaultValue = "16", description = "expert input width (default ${DEFAULT-VALUE})")
    int dModel;

    @Option(names = "--mem-latency", defaultValue = "20", paramLabel = "L|MIN:MAX",
            description = "memory latency in cycles: the configuration's nominal L, or MIN:MAX (L = MIN) for the range"
                    + " pe verify draws each request's latency from, instead of [L, 3L] (default ${DEFAULT-VALUE})")
    String memLatency;

    @Option(names = "--mem-bytes-per-cycle", defaultValue = "4",
            description = "memory bandwidth in bytes per cycle (default ${DEFAULT-VALUE})")
    int memBytesPerCycle;

    @Override
    public MoeConfig toConfig() {
        Matcher m = EXPERT_ARRAY.matcher(expertArray);
        if (!m.matches()) {
            throw new OptionError("", "--expert-array must be systolic:ROWSxCOLS, e.g. systolic:2x4 (got " + expertArray + ")");
        }
        return new MoeConfig(experts, topK, tokens, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), dModel,
                latency().min(), memBytesPerCycle);
    }

    @Override
    public Optional<LatencyRange> memLatencyRange() {
        return memLatency.contains(":") ? Optional.of(latency()) : Optional.empty();
    }

    private LatencyRange latency() {
        try {
            return LatencyRange.parse(memLatency);
        } catch (IllegalArgumentException e) {
            throw new OptionError("--mem-latency", e.getMessage());
        }
    }
}
