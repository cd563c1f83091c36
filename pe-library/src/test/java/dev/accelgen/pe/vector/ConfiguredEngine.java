package dev.accelgen.pe.vector;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.vector.act.ActEngine;
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.attn.AttnEngine;
import dev.accelgen.pe.vector.eltwise.EltwiseEngine;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.harness.EngineTop;
import dev.accelgen.pe.vector.harness.EngineTopConfig;
import dev.accelgen.pe.vector.mlgru.MlgruEngine;
import dev.accelgen.pe.vector.moe.ScatterEngine;
import dev.accelgen.pe.vector.moe.TopKEngine;
import dev.accelgen.pe.vector.norm.NormEngine;
import dev.accelgen.pe.vector.rope.RopeConfig;
import dev.accelgen.pe.vector.rope.RopeEngine;
import dev.accelgen.pe.vector.rowscale.RowScaleEngine;
import dev.accelgen.pe.vector.softmax.SoftmaxEngine;
import java.util.List;

/** An engine generator with one configuration: what the lint, Yosys and resource checks run over. */
record ConfiguredEngine<C>(EngineGen<C> gen, C config) {
    /** Every vector engine for {@code c}, attention and RoPE with heads up to {@code maxHeadDim}. */
    static List<ConfiguredEngine<?>> all(VecEngineConfig c, int maxHeadDim, int maxKeyTile) {
        return List.of(new ConfiguredEngine<>(new EltwiseEngine(), c), new ConfiguredEngine<>(new ActEngine(), c),
                new ConfiguredEngine<>(new RowScaleEngine(), c), new ConfiguredEngine<>(new NormEngine(), c),
                new ConfiguredEngine<>(new SoftmaxEngine(), c),
                new ConfiguredEngine<>(new AttnEngine(), new AttnConfig(c, maxHeadDim, maxKeyTile)),
                new ConfiguredEngine<>(new RopeEngine(), new RopeConfig(c, maxHeadDim)),
                new ConfiguredEngine<>(new MlgruEngine(), c), new ConfiguredEngine<>(new TopKEngine(), c),
                new ConfiguredEngine<>(new ScatterEngine(), c));
    }

    String name() {
        return gen.moduleName(config);
    }

    /** The engine in its standalone test top. */
    Design top() {
        return Hdl.elaborate(new EngineTop<C>(), new EngineTopConfig<>(gen, config));
    }

    Design engine() {
        return Hdl.elaborate(gen, config);
    }
}
