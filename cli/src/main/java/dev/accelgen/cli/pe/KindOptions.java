package dev.accelgen.cli.pe;

import dev.accelgen.sim.stress.LatencyRange;
import java.util.Optional;

/**
 * The picocli options that describe one configuration of a unit family; an instance is mixed into the
 * {@code pe gen|verify|report <kind>} commands. Validation happens in the config record's constructor.
 */
public interface KindOptions<C extends Record> {
    C toConfig();

    /** The memory latency range {@code pe verify} should use, when the options give one (units with a memory). */
    default Optional<LatencyRange> memLatencyRange() {
        return Optional.empty();
    }
}
