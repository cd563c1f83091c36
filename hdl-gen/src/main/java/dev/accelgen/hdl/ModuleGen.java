package dev.accelgen.hdl;

/**
 * A hardware generator: builds the module for one configuration. Each distinct (generator class, config)
 * pair is elaborated once per design and emitted once, however many times it is instantiated.
 *
 * @param <C> the configuration, normally a validated record (its components become manifest parameters)
 */
public interface ModuleGen<C> {
    /** Verilog module name; must differ for configurations that produce different hardware. */
    String moduleName(C config);

    void build(ModuleBuilder b, C config);
}
