package dev.accelgen.hdl;

import java.util.function.Consumer;

/** A one-off generator for tests: the config is the module name, the body builds it. */
record TestGen(Consumer<ModuleBuilder> body) implements ModuleGen<String> {
    @Override
    public String moduleName(String config) {
        return config;
    }

    @Override
    public void build(ModuleBuilder b, String config) {
        body.accept(b);
    }

    static Design elaborate(String name, Consumer<ModuleBuilder> body) {
        return Hdl.elaborate(new TestGen(body), name);
    }
}
