package dev.accelgen.cli.pe;

/**
 * The picocli options that describe one configuration of a unit family; an instance is mixed into the
 * {@code pe gen|verify|report <kind>} commands. Validation happens in the config record's constructor.
 */
public interface KindOptions<C extends Record> {
    C toConfig();
}
