package dev.accelgen.boards.kernel;

/** Whether the host fills a buffer before the run (IN) or checks it after the run (OUT). */
public enum ArgDir {
    IN, OUT
}
