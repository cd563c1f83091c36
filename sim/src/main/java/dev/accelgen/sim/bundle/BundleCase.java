package dev.accelgen.sim.bundle;

import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.manifest.Manifest;

/** One unit configuration to verify inside a bundle: its manifest, golden model and stimulus. */
public record BundleCase(Manifest manifest, GoldenModel golden, Stimulus stimulus) {
}
