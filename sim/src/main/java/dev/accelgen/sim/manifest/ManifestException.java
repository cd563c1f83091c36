package dev.accelgen.sim.manifest;

/** A manifest that cannot be used; the message is one line naming the file and the problem. */
public final class ManifestException extends IllegalArgumentException {
    public ManifestException(String message) {
        super(message);
    }
}
