package dev.accelgen.reports.data;

/** A hardware block (a matrix unit, the vector unit, the buffers, the controller) and its resources. */
public record Block(String name, Resources resources) {
    public Block {
        Check.text("name", name);
        Check.present("resources", resources);
    }
}
