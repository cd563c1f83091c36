package dev.accelgen.reports.data;

import java.util.List;

/**
 * Yosys {@code synth_xilinx -family xcup} counts ({@code synthesis.json}): the whole design ({@code top},
 * synthesized flat) and, when they were synthesized alone, its modules; module names that match resource-model
 * blocks are compared block by block.
 */
public record Synthesis(SynthModule top, List<SynthModule> modules, Provenance provenance) {
    public Synthesis {
        Check.present("top", top);
        modules = Check.uniqueList("modules", modules, SynthModule::name);
        Check.present("provenance", provenance);
    }
}
