@@HEADER@@
// Runs the accelerator once under Linux without PYNQ: control registers through /dev/mem, buffers in a
// physically contiguous DDR region the kernel must not use (reserve it, see the README).
// Usage (as root): ./accel_host [GOLDEN_DIR] [BUFFER_PHYS_ADDR]   defaults: ../../golden @@BUF_BASE@@
// Exit status 0 when every output matches its golden file, 1 on a mismatch or error.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "accel_config.h"

#ifndef ACCEL_DEVMEM_PATH
#define ACCEL_DEVMEM_PATH "/dev/mem"  // overridable at build time, e.g. to run against a memory model
#endif
#define PAGE 4096u
#define TIMEOUT_NS 5000000000LL

static size_t round_up(size_t n) { return (n + PAGE - 1) / PAGE * PAGE; }

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int read_file(const char *dir, const char *name, unsigned char *dst, size_t bytes) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.bin", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "FAIL cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t got = fread(dst, 1, bytes, f);
    int extra = fgetc(f);
    fclose(f);
    if (got != bytes || extra != EOF) {
        fprintf(stderr, "FAIL %s does not hold exactly %zu bytes\n", path, bytes);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *golden = argc > 1 ? argv[1] : "../../golden";
    unsigned long long buf_base = argc > 2 ? strtoull(argv[2], NULL, 0) : @@BUF_BASE@@ULL;

    size_t span = 0;
    for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
        span += round_up(ACCEL_ARGS[i].bytes);
    }
    int fd = open(ACCEL_DEVMEM_PATH, O_RDWR | O_SYNC);
    if (fd < 0) {
        fprintf(stderr, "FAIL cannot open %s (run as root): %s\n", ACCEL_DEVMEM_PATH, strerror(errno));
        return 1;
    }
    volatile uint32_t *ctrl = mmap(NULL, ACCEL_CTRL_SPAN, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)ACCEL_CTRL_BASE);
    unsigned char *mem = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)buf_base);
    if (ctrl == MAP_FAILED || mem == MAP_FAILED) {
        fprintf(stderr, "FAIL mmap of the control registers or the buffer region failed: %s\n", strerror(errno));
        return 1;
    }
    if (!(ctrl[ACCEL_REG_CTRL / 4] & ACCEL_AP_IDLE)) {
        fprintf(stderr, "FAIL accelerator is not idle (control=0x%08x)\n", ctrl[ACCEL_REG_CTRL / 4]);
        return 1;
    }

    size_t at = 0;
    size_t where[ACCEL_NUM_ARGS];
    for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
        const struct accel_arg *a = &ACCEL_ARGS[i];
        where[i] = at;
        if (a->dir == ACCEL_IN) {
            if (read_file(golden, a->name, mem + at, a->bytes) != 0) {
                return 1;
            }
        } else {
            memset(mem + at, 0xA5, a->bytes);  // a value the accelerator must overwrite
        }
        unsigned long long phys = buf_base + at;
        ctrl[a->offset / 4] = (uint32_t)phys;
        ctrl[a->offset / 4 + 1] = (uint32_t)(phys >> 32);
        at += round_up(a->bytes);
    }

    long long start = now_ns();
    ctrl[ACCEL_REG_CTRL / 4] = ACCEL_AP_START;
    while (!(ctrl[ACCEL_REG_CTRL / 4] & ACCEL_AP_DONE)) {
        if (now_ns() - start > TIMEOUT_NS) {
            fprintf(stderr, "FAIL no ap_done within 5 s (control=0x%08x)\n", ctrl[ACCEL_REG_CTRL / 4]);
            return 1;
        }
    }
    long long elapsed = now_ns() - start;

    int failures = 0;
    for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
        const struct accel_arg *a = &ACCEL_ARGS[i];
        if (a->dir != ACCEL_OUT) {
            continue;
        }
        unsigned char *expected = malloc(a->bytes);
        if (!expected || read_file(golden, a->name, expected, a->bytes) != 0) {
            return 1;
        }
        size_t first = a->bytes;
        for (size_t j = 0; j < a->bytes; j++) {
            if (mem[where[i] + j] != expected[j]) {
                first = j;
                break;
            }
        }
        if (first == a->bytes) {
            printf("PASS %s %zu bytes match %s.bin\n", a->name, a->bytes, a->name);
        } else {
            printf("FAIL %s byte %zu: got 0x%02x expected 0x%02x\n", a->name, first, mem[where[i] + first], expected[first]);
            failures++;
        }
        free(expected);
    }
    printf("run time %lld us (includes polling)\n", elapsed / 1000);
    munmap((void *)ctrl, ACCEL_CTRL_SPAN);
    munmap(mem, span);
    close(fd);
    return failures == 0 ? 0 : 1;
}
