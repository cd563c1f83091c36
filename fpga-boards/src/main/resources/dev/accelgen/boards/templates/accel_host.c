@@HEADER@@
// Runs the accelerator under Linux without PYNQ: control registers through /dev/mem, buffers in a physically
// contiguous DDR region the kernel must not use (reserve it, see the README). The mapping is uncached device
// memory: data moves through ordinary (cached) buffers and is copied in and out one aligned 32-bit volatile access
// at a time, never with stdio or memset straight into the mapping.
// Usage (as root): ./accel_host [BUNDLE_DIR] [BUFFER_PHYS_ADDR]   defaults: ../.. @@BUF_BASE@@
// Exit status 0 when every run ends with status 0 and every check matches its golden file, 1 otherwise.
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
#define BUFFER_BYTES @@BUF_BYTES@@ULL
#define TIMEOUT_NS 5000000000LL

static size_t round_up(size_t n) { return (n + PAGE - 1) / PAGE * PAGE; }

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

// A bundle file of exactly `bytes` bytes, read into a new (cached) buffer; NULL after printing why not.
static unsigned char *read_file(const char *dir, const char *name, size_t bytes) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "FAIL cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    unsigned char *data = malloc(bytes + 4);
    size_t got = data ? fread(data, 1, bytes, f) : 0;
    int extra = fgetc(f);
    fclose(f);
    if (!data || got != bytes || extra != EOF) {
        fprintf(stderr, "FAIL %s does not hold exactly %zu bytes\n", path, bytes);
        free(data);
        return NULL;
    }
    return data;
}

// Device buffers are page-aligned and page-padded: whole words may be written past `bytes`.
static void copy_to_device(volatile uint32_t *dst, const unsigned char *src, size_t bytes) {
    for (size_t i = 0; i < bytes; i += 4) {
        uint32_t w = 0;
        memcpy(&w, src + i, bytes - i < 4 ? bytes - i : 4);
        dst[i / 4] = w;
    }
}

static void fill_device(volatile uint32_t *dst, uint32_t word, size_t bytes) {
    for (size_t i = 0; i < bytes; i += 4) {
        dst[i / 4] = word;
    }
}

// Bytes [offset, offset + bytes) of a device buffer into `dst`, reading aligned words only.
static void copy_from_device(unsigned char *dst, const volatile uint32_t *src, size_t offset, size_t bytes) {
    for (size_t i = offset & ~(size_t)3; i < offset + bytes; i += 4) {
        uint32_t w = src[i / 4];
        for (size_t b = 0; b < 4; b++) {
            if (i + b >= offset && i + b < offset + bytes) {
                dst[i + b - offset] = (unsigned char)(w >> (8 * b));
            }
        }
    }
}

int main(int argc, char **argv) {
    const char *bundle = argc > 1 ? argv[1] : "../..";
    unsigned long long buf_base = argc > 2 ? strtoull(argv[2], NULL, 0) : @@BUF_BASE@@ULL;

    size_t span = 0;
    for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
        span += round_up(ACCEL_ARGS[i].bytes);
    }
    if (span > BUFFER_BYTES) {
        fprintf(stderr, "FAIL the buffers need %zu bytes, the reserved region holds %llu\n", span, BUFFER_BYTES);
        return 1;
    }
    int fd = open(ACCEL_DEVMEM_PATH, O_RDWR | O_SYNC);
    if (fd < 0) {
        fprintf(stderr, "FAIL cannot open %s (run as root): %s\n", ACCEL_DEVMEM_PATH, strerror(errno));
        return 1;
    }
    volatile uint32_t *ctrl = mmap(NULL, ACCEL_CTRL_SPAN, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)ACCEL_CTRL_BASE);
    void *region = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)buf_base);
    if (ctrl == MAP_FAILED || region == MAP_FAILED) {
        fprintf(stderr, "FAIL mmap of the control registers or the buffer region failed: %s\n", strerror(errno));
        return 1;
    }
    volatile uint32_t *mem = region;
    if (!(ctrl[ACCEL_REG_CTRL / 4] & ACCEL_AP_IDLE)) {
        fprintf(stderr, "FAIL accelerator is not idle (control=0x%08x)\n", ctrl[ACCEL_REG_CTRL / 4]);
        return 1;
    }

    size_t at = 0;
    size_t where[ACCEL_NUM_ARGS];
    for (int i = 0; i < ACCEL_NUM_ARGS; i++) {
        const struct accel_arg *a = &ACCEL_ARGS[i];
        where[i] = at;
        if (a->init) {
            unsigned char *data = read_file(bundle, a->init, a->bytes);
            if (!data) {
                return 1;
            }
            copy_to_device(mem + at / 4, data, a->bytes);
            free(data);
        } else {
            fill_device(mem + at / 4, 0xA5A5A5A5u, a->bytes);  // a value the accelerator must overwrite
        }
        unsigned long long phys = buf_base + at;
        ctrl[a->offset / 4] = (uint32_t)phys;
        ctrl[a->offset / 4 + 1] = (uint32_t)(phys >> 32);
        at += round_up(a->bytes);
    }

    long long start = now_ns();
    for (int r = 0; r < ACCEL_NUM_RUNS; r++) {
        for (int s = 0; s < ACCEL_NUM_SCALARS; s++) {
            ctrl[ACCEL_SCALAR_OFFSETS[s] / 4] = ACCEL_RUNS[r][s];
        }
        long long run_start = now_ns();
        ctrl[ACCEL_REG_CTRL / 4] = ACCEL_AP_START;
        while (!(ctrl[ACCEL_REG_CTRL / 4] & ACCEL_AP_DONE)) {
            if (now_ns() - run_start > TIMEOUT_NS) {
                fprintf(stderr, "FAIL run %d: no ap_done within 5 s (control=0x%08x)\n", r, ctrl[ACCEL_REG_CTRL / 4]);
                return 1;
            }
        }
        uint32_t status = ctrl[ACCEL_REG_STATUS / 4];
        if (status != 0) {
            printf("FAIL run %d: status word 0x%08x (bit 0 AXI read error, bit 1 AXI write error, bit 2 illegal instruction)\n",
                   r, status);
            return 1;
        }
    }
    long long elapsed = now_ns() - start;

    int failures = 0;
    for (int i = 0; i < ACCEL_NUM_CHECKS; i++) {
        const struct accel_check *c = &ACCEL_CHECKS[i];
        unsigned char *expected = read_file(bundle, c->path, c->bytes);
        unsigned char *got = malloc(c->bytes);
        if (!expected || !got) {
            return 1;
        }
        copy_from_device(got, mem + where[c->arg] / 4, c->offset, c->bytes);
        const char *file = strrchr(c->path, '/') ? strrchr(c->path, '/') + 1 : c->path;
        size_t first = c->bytes;
        for (size_t j = 0; j < c->bytes; j++) {
            if (got[j] != expected[j]) {
                first = j;
                break;
            }
        }
        if (first == c->bytes) {
            printf("PASS %s %zu bytes match %s\n", c->name, c->bytes, file);
        } else {
            printf("FAIL %s byte %zu: got 0x%02x expected 0x%02x\n", c->name, first, got[first], expected[first]);
            failures++;
        }
        free(expected);
        free(got);
    }
    printf("run time %lld us for %d run(s) (includes polling)\n", elapsed / 1000, ACCEL_NUM_RUNS);
    munmap((void *)ctrl, ACCEL_CTRL_SPAN);
    munmap(region, span);
    close(fd);
    return failures == 0 ? 0 : 1;
}
