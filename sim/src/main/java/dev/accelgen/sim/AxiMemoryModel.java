package dev.accelgen.sim;

import dev.accelgen.sim.stress.ChannelSeeds;

/**
 * One memory seen through a read and a write port of the same name, sharing one image: a read takes
 * the words as they are when its AR is accepted, so it sees every write accepted by then.
 */
public record AxiMemoryModel(ReadMemoryModel read, WriteMemoryModel write, MemoryContents contents) {
    /** Memory {@code memory} of a unit run on {@code stimulus}. */
    public static AxiMemoryModel of(Stimulus stimulus, String memory, int dataBytes) {
        MemoryImage image = stimulus.memory(memory);
        MemoryContents contents = new MemoryContents(dataBytes, image.words());
        ChannelSeeds seeds = ChannelSeeds.of(stimulus.seed());
        return new AxiMemoryModel(new ReadMemoryModel(image, contents, seeds), new WriteMemoryModel(image, contents, seeds),
                contents);
    }
}
