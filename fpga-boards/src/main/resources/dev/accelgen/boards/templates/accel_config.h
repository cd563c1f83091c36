@@HEADER@@
// The kernel's arguments and register map, shared by the host programs in this directory.
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
#define ACCEL_AP_START 0x1u
#define ACCEL_AP_DONE 0x2u
#define ACCEL_AP_IDLE 0x4u

enum accel_dir { ACCEL_IN, ACCEL_OUT };

struct accel_arg {
    const char *name;
    uint32_t offset;
    size_t bytes;
    enum accel_dir dir;
};

#define ACCEL_NUM_ARGS @@NUM_ARGS@@
static const struct accel_arg ACCEL_ARGS[ACCEL_NUM_ARGS] = {
@@ARG_TABLE@@
};

#endif
