package dev.accelgen.sim.tools;

/** An external tool is not installed; the message names the apt package that provides it. */
public final class ToolMissingException extends RuntimeException {
    public ToolMissingException(String tool, String aptPackage) {
        super(tool + " not found on PATH: install it with 'sudo apt-get install -y " + aptPackage
                + "' (or run scripts/ensure-tools.sh)");
    }
}
