@@HEADER@@
// The kernel's arguments, register map and run plan, shared by the host programs in this directory.
// Plan: every buffer starts as its init file (or 0xA5 bytes for outputs); each run writes its scalars, starts the
// kernel, waits for ap_done and reads the status word (0 = no error); then every check compares a buffer range
// with its golden file. File paths are relative to the bundle directory.
#ifndef ACCEL_CONFIG_H
#define ACCEL_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#define ACCEL_KERNEL_NAME "@@TOP@@"
#define ACCEL_CTRL_BASE @@CTRL_BASE@@ULL
#define ACCEL_CTRL_SPAN 0x10000u
#define ACCEL_REG_CTRL 0x00u
#define ACCEL_REG_GIE 0x04u
#define ACCEL_REG_IER 0x08u
#define ACCEL_REG_ISR 0x0Cu
#define ACCEL_REG_STATUS 0x@@STATUS_OFFSET@@u
#define ACCEL_AP_START 0x1u
#define ACCEL_AP_DONE 0x2u
#define ACCEL_AP_IDLE 0x4u

enum accel_dir { ACCEL_IN, ACCEL_OUT, ACCEL_INOUT };

struct accel_arg {
    const char *name;
    uint32_t offset;
    size_t bytes;
    enum accel_dir dir;
    const char *init;  // initial contents (a file in the bundle), NULL: filled with 0xA5
};

struct accel_check {
    const char *name;
    int arg;
    size_t offset;
    size_t bytes;
    const char *path;
};

#define ACCEL_NUM_ARGS @@NUM_ARGS@@
static const struct accel_arg ACCEL_ARGS[ACCEL_NUM_ARGS] = {
@@ARG_TABLE@@
};

// Scalar registers; the extra last entry keeps the arrays non-empty when the kernel has none.
#define ACCEL_NUM_SCALARS @@NUM_SCALARS@@
static const uint32_t ACCEL_SCALAR_OFFSETS[ACCEL_NUM_SCALARS + 1] = {@@SCALAR_OFFSETS@@};

#define ACCEL_NUM_RUNS @@NUM_RUNS@@
static const uint32_t ACCEL_RUNS[ACCEL_NUM_RUNS][ACCEL_NUM_SCALARS + 1] = {
@@RUN_TABLE@@
};

#define ACCEL_NUM_CHECKS @@NUM_CHECKS@@
static const struct accel_check ACCEL_CHECKS[ACCEL_NUM_CHECKS] = {
@@CHECK_TABLE@@
};

#endif
