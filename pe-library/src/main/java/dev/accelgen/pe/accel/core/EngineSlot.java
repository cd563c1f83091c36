package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One compute engine of a core: its RTL generator and configuration, the MM unit it serves ({@code unit}, -1
 * for a vector engine, which serves its opcodes), and a factory of its cycle model.
 */
public record EngineSlot<C>(EngineGen<C> gen, C config, int unit, Supplier<EngineModel> model) {
    public Set<Opcode> opcodes() {
        return gen.opcodes(config);
    }

    public List<EngineField> fields() {
        return gen.fields(config);
    }

    public EngineGeometry geometry() {
        return gen.geometry(config);
    }

    public Instance instantiate(ModuleBuilder b, String name) {
        return b.instance(gen, config, name);
    }
}
