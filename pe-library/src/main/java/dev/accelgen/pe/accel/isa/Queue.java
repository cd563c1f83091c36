package dev.accelgen.pe.accel.isa;

/** The three instruction queues, in token order: load -> compute -> store. */
public enum Queue { LOAD, COMPUTE, STORE }
