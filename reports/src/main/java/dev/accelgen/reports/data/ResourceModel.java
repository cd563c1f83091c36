package dev.accelgen.reports.data;

import java.util.List;

/** The resource model's estimate per block ({@code resource-model.json}); the design's total is their sum. */
public record ResourceModel(List<Block> blocks, Provenance provenance) {
    public ResourceModel {
        blocks = Check.uniqueList("blocks", blocks, Block::name);
        Check.present("provenance", provenance);
    }

    public Resources total() {
        return Resources.sum(blocks.stream().map(Block::resources).toList());
    }
}
