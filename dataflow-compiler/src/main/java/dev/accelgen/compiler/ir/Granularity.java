package dev.accelgen.compiler.ir;

/** How many scales a quantized tensor carries. */
public enum Granularity { PER_TENSOR, PER_CHANNEL, PER_GROUP, PER_TOKEN }
