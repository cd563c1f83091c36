package dev.accelgen.boards.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything accelgen needs to know about a target board, loaded from JSON (built-in or a user's board.json).
 * {@code unverified} lists the fields (JSON paths such as "resources.lut") for which no primary source was found;
 * generated files repeat that list so a lab user knows which defaults to check.
 */
public record Board(String name, String description, List<String> sources, String part, String boardPart,
                    String platform, Flow flow, VivadoRange vivado, int kernelClockMhz,
                    ProcessingSystem processingSystem, Resources resources, List<Slr> slrs,
                    List<BoardClock> clocks, BoardReset reset, List<BoardPin> pins, List<MemoryGroup> memories,
                    List<String> unverified) {
    public Board {
        Check.nonBlank("name", name);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name = '" + name + "' is not a board name, must match [a-z][a-z0-9_]*");
        }
        Check.nonBlank("part", part);
        Check.nonBlank("board_part", boardPart);
        Check.positive("kernel_clock_mhz", kernelClockMhz);
        if (flow == Flow.VITIS_KERNEL && platform == null) {
            throw new IllegalArgumentException("platform is missing, flow vitis_kernel needs a Vitis platform name");
        }
        if (flow == Flow.VIVADO_BD && processingSystem == null) {
            throw new IllegalArgumentException("processing_system is missing, flow vivado_bd needs one");
        }
        if (slrs.isEmpty()) {
            throw new IllegalArgumentException("slrs is empty, a board has at least one SLR");
        }
        if (memories.isEmpty()) {
            throw new IllegalArgumentException("memories is empty, a board has at least one memory");
        }
        Set<String> slrNames = new HashSet<>();
        for (Slr s : slrs) {
            if (!slrNames.add(s.name())) {
                throw new IllegalArgumentException("slrs: " + s.name() + " appears twice");
            }
        }
        for (MemoryGroup m : memories) {
            if (m.slr() != null && !slrNames.contains(m.slr())) {
                throw new IllegalArgumentException("memories." + m.name() + ".slr = '" + m.slr()
                        + "' is not one of the board's slrs " + slrNames);
            }
        }
        Set<String> ports = new HashSet<>();
        List<String> allPorts = new ArrayList<>();
        clocks.forEach(c -> allPorts.add(c.port()));
        allPorts.add(reset.port());
        pins.forEach(p -> allPorts.add(p.port()));
        for (String p : allPorts) {
            if (!ports.add(p)) {
                throw new IllegalArgumentException("port '" + p + "' is used by two board pins, ports must be unique");
            }
        }
        sources = List.copyOf(sources);
        slrs = List.copyOf(slrs);
        clocks = List.copyOf(clocks);
        pins = List.copyOf(pins);
        memories = List.copyOf(memories);
        unverified = List.copyOf(unverified);
    }

    public Optional<String> platformName() {
        return Optional.ofNullable(platform);
    }

    /** All bank names over all memory groups, in board order ("HBM[0]".."HBM[31]", "DDR[0]", ...). */
    public List<String> memoryBanks() {
        List<String> all = new ArrayList<>();
        memories.forEach(m -> all.addAll(m.bankNames()));
        return List.copyOf(all);
    }

    public Optional<MemoryGroup> memory(String name) {
        return memories.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Slr> slr(String name) {
        return slrs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean isUnverified(String path) {
        return unverified.contains(path);
    }
}
